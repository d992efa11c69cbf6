import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { rowsOf } from "../../db/rows";

export type Limit = { name: string; max: number; windowSeconds: number };

export const limits = {
	signInPerAccount: { name: "signin-account", max: 5, windowSeconds: 15 * 60 },
	signInPerIp: { name: "signin-ip", max: 30, windowSeconds: 15 * 60 },
	// Accounts created per address, and registration attempts per address (typos included).
	registerPerIp: { name: "register-ip", max: 10, windowSeconds: 60 * 60 },
	registerAttemptsPerIp: { name: "register-attempts-ip", max: 60, windowSeconds: 10 * 60 },
	twoFactorPerAccount: { name: "2fa-account", max: 5, windowSeconds: 15 * 60 },
	twoFactorPerIp: { name: "2fa-ip", max: 30, windowSeconds: 15 * 60 },
	// Review saves (new or edited) per person.
	reviewSavesPerAccount: { name: "review-save-account", max: 10, windowSeconds: 10 * 60 },
} satisfies Record<string, Limit>;

export type LimitState = { limited: boolean; retryAfter: number };

const bucketOf = (limit: Limit, key: string) => `${limit.name}:${key.toLowerCase().slice(0, 300)}`;

/** Whether the bucket is already full; does not count this request. */
export async function checkLimit(limit: Limit, key: string): Promise<LimitState> {
	const rows = rowsOf<{ hits: number; retry: number }>(
		await getDb().execute(sql`
			select hits, ceil(extract(epoch from window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int as retry
			from auth.rate_limits
			where bucket = ${bucketOf(limit, key)} and window_start > now() - make_interval(secs => ${limit.windowSeconds})`),
	);
	const row = rows[0];
	return row && row.hits >= limit.max
		? { limited: true, retryAfter: Math.max(1, row.retry) }
		: { limited: false, retryAfter: 0 };
}

/** Counts one event in the bucket (a new window starts when the old one has passed); atomic. */
export async function hitLimit(limit: Limit, key: string): Promise<LimitState> {
	const rows = rowsOf<{ hits: number; retry: number }>(
		await getDb().execute(sql`
			insert into auth.rate_limits as r (bucket, window_start, hits) values (${bucketOf(limit, key)}, now(), 1)
			on conflict (bucket) do update set
				hits = case when r.window_start <= now() - make_interval(secs => ${limit.windowSeconds}) then 1 else r.hits + 1 end,
				window_start = case when r.window_start <= now() - make_interval(secs => ${limit.windowSeconds}) then now() else r.window_start end
			returning hits, ceil(extract(epoch from window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int as retry`),
	);
	const row = rows[0];
	return { limited: row.hits > limit.max, retryAfter: Math.max(1, row.retry) };
}

export async function clearLimit(limit: Limit, key: string): Promise<void> {
	await getDb().execute(sql`delete from auth.rate_limits where bucket = ${bucketOf(limit, key)}`);
}

/** The first full bucket among several (e.g. per account and per IP). */
export async function firstLimited(checks: [Limit, string | null][]): Promise<LimitState> {
	for (const [limit, key] of checks) {
		if (key === null) continue;
		const state = await checkLimit(limit, key);
		if (state.limited) return state;
	}
	return { limited: false, retryAfter: 0 };
}

export function tooManyMessage(retryAfter: number): string {
	const minutes = Math.ceil(retryAfter / 60);
	return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
