import { sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";

/** A different documentation-range address per call, so per-IP limits only bite where a test means them to. */
export function randomTestIp(): string {
	return `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`;
}

type RouteFn = (args: {
	request: Request;
	params: Record<string, string>;
	context: Record<string, unknown>;
}) => unknown;

export type RouteResult = { status: number; headers: Headers; body: unknown; location: string | null };

/** Runs a loader or action as Remix would: thrown Responses (redirects, 404) become results too. */
export async function callRoute(
	fn: RouteFn,
	{
		url = "http://localhost/",
		method = "GET",
		form,
		cookie,
		ip = randomTestIp(),
		params = {},
	}: {
		url?: string;
		method?: string;
		form?: Record<string, string | string[]> | URLSearchParams;
		cookie?: string;
		ip?: string;
		params?: Record<string, string>;
	} = {},
): Promise<RouteResult> {
	let body: URLSearchParams | undefined;
	if (form instanceof URLSearchParams) body = form;
	else if (form) {
		body = new URLSearchParams();
		for (const [key, value] of Object.entries(form)) {
			for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
		}
	}
	const headers = new Headers({ "User-Agent": "integration-test" });
	if (cookie) headers.set("Cookie", cookie);
	const request = new Request(url, { method: body ? "POST" : method, body, headers });
	let result: unknown;
	try {
		result = await fn({ request, params, context: { ip } });
	} catch (thrown) {
		if (!(thrown instanceof Response)) throw thrown;
		result = thrown;
	}
	if (result instanceof Response) {
		const text = await result.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		return { status: result.status, headers: result.headers, body: parsed, location: result.headers.get("Location") };
	}
	return { status: 200, headers: new Headers(), body: result, location: null };
}

/** Cookies a response sets, as one Cookie header value to send back (merged over earlier ones). */
export function cookiesFrom(result: RouteResult, previous = ""): string {
	const jar = new Map<string, string>();
	for (const part of previous.split("; ").filter(Boolean)) {
		const [name, ...rest] = part.split("=");
		jar.set(name, rest.join("="));
	}
	for (const line of result.headers.getSetCookie()) {
		const [pair] = line.split(";");
		const [name, ...rest] = pair.split("=");
		const value = rest.join("=");
		if (/max-age=0/i.test(line) || value === "") jar.delete(name);
		else jar.set(name, value);
	}
	return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export async function queryRows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	const result = await getDb().execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A person's kept totals (migrations/0006) next to the same figures aggregated from their entries and works now. */
export async function totalsAndRecount(userId: string) {
	const kept = await queryRows(sql`
		select status, media_type, media_class::text as media_class, entries, minutes_left::int as left, minutes_spent::int as spent
		from interaction.user_media_totals where user_id = ${userId} and entries <> 0 order by 1, 2, 3`);
	const recounted = await queryRows(sql`
		select um.status, m.media_type, m.media_class::text as media_class, count(*)::int as entries,
		       coalesce(sum(media.minutes_left(m.media_type, m.attributes, um.status, um.progress)), 0)::int as left,
		       coalesce(sum(media.estimated_minutes(m.media_type, m.attributes)
		         - media.minutes_left(m.media_type, m.attributes, um.status, um.progress)), 0)::int as spent
		from interaction.user_media um join media.media m on m.id = um.media_id
		where um.user_id = ${userId} group by 1, 2, 3 order by 1, 2, 3`);
	return { kept, recounted };
}

let counter = 0;
/** A valid registration form for a new, unique person. */
export function newPerson(overrides: Record<string, string | string[]> = {}) {
	counter++;
	const tag = `${process.pid}_${counter}_${Math.random().toString(36).slice(2, 6)}`;
	return {
		username: `user_${tag}`,
		displayName: `Person ${counter}`,
		email: `person_${tag}@example.test`,
		password: "correct horse battery staple",
		confirmPassword: "correct horse battery staple",
		mediaTypes: ["book", "anime"],
		ratingScale: "100",
		acceptTerms: "on",
		...overrides,
	};
}
