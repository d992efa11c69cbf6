import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { progressTotal } from "~/lib/progress";
import { getDb } from "../../db/client.server";
import { type EntryStatus, type MediaType, media, mediaStats, userMedia } from "../../db/schema";

export type EntryChange = {
	status?: EntryStatus;
	progress?: number;
	rating?: number | null;
	notes?: string | null;
	startedAt?: string | null;
	completedAt?: string | null;
	repeatCount?: number;
};

export type UpdateResult =
	| { ok: true }
	| { ok: false; reason: "not-found" }
	| { ok: false; reason: "invalid"; field: string; message: string };

/** Adds the difference a rating change makes to the work's community counters (same transaction). */
async function adjustRatingStats(
	tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0],
	mediaId: string,
	before: number | null,
	after: number | null,
	tracking: number,
) {
	const countDelta = (after === null ? 0 : 1) - (before === null ? 0 : 1);
	const sumDelta = (after ?? 0) - (before ?? 0);
	if (countDelta === 0 && sumDelta === 0 && tracking === 0) return;
	await tx
		.insert(mediaStats)
		.values({
			mediaId,
			ratingsCount: Math.max(countDelta, 0),
			ratingsSum: Math.max(sumDelta, 0),
			trackingCount: Math.max(tracking, 0),
		})
		.onConflictDoUpdate({
			target: mediaStats.mediaId,
			set: {
				ratingsCount: sql`${mediaStats.ratingsCount} + ${countDelta}`,
				ratingsSum: sql`${mediaStats.ratingsSum} + ${sumDelta}`,
				trackingCount: sql`${mediaStats.trackingCount} + ${tracking}`,
				updatedAt: sql`now()`,
			},
		});
}

/**
 * Changes one of the person's entries, scoped by user_id and media_id in the query. Progress is
 * checked against the work's total; completing sets progress to the total and the completion date.
 */
export async function updateEntry({
	userId,
	mediaId,
	change,
}: {
	userId: string;
	mediaId: string;
	change: EntryChange;
}): Promise<UpdateResult> {
	return getDb().transaction(async (tx) => {
		// Lock only the person's row (not the work's, which others update concurrently).
		const [entry] = await tx
			.select({ rating: userMedia.rating, completedAt: userMedia.completedAt, startedAt: userMedia.startedAt })
			.from(userMedia)
			.where(and(eq(userMedia.userId, userId), eq(userMedia.mediaId, mediaId)))
			.for("update");
		const [work] = entry
			? await tx
					.select({ mediaType: media.mediaType, attributes: media.attributes })
					.from(media)
					.where(eq(media.id, mediaId))
			: [];
		const current = entry && work ? { ...entry, ...work } : null;
		if (!current) return { ok: false, reason: "not-found" };
		const total = progressTotal(current.mediaType as MediaType, current.attributes);
		const next: EntryChange & { updatedAt: Date } = { ...change, updatedAt: new Date() };
		if (next.progress !== undefined && total !== null && next.progress > total) {
			return { ok: false, reason: "invalid", field: "progress", message: `Progress can be at most ${total}.` };
		}
		const today = new Date().toISOString().slice(0, 10);
		if (next.status === "completed") {
			if (total !== null) next.progress = total;
			if (next.completedAt === undefined && !current.completedAt) next.completedAt = today;
		}
		if (next.status === "in_progress" && next.startedAt === undefined && !current.startedAt) next.startedAt = today;
		const started = next.startedAt === undefined ? current.startedAt : next.startedAt;
		const completed = next.completedAt === undefined ? current.completedAt : next.completedAt;
		if (started && completed && completed < started) {
			return {
				ok: false,
				reason: "invalid",
				field: "completedAt",
				message: "The completion date is before the start date.",
			};
		}
		await tx
			.update(userMedia)
			.set(next)
			.where(and(eq(userMedia.userId, userId), eq(userMedia.mediaId, mediaId)));
		if (next.rating !== undefined) await adjustRatingStats(tx, mediaId, current.rating, next.rating, 0);
		return { ok: true };
	});
}

/** Removes one of the person's entries; the work's counters follow in the same transaction. */
export async function removeEntry({ userId, mediaId }: { userId: string; mediaId: string }): Promise<boolean> {
	return getDb().transaction(async (tx) => {
		const [removed] = await tx
			.delete(userMedia)
			.where(and(eq(userMedia.userId, userId), eq(userMedia.mediaId, mediaId)))
			.returning({ rating: userMedia.rating });
		if (!removed) return false;
		await adjustRatingStats(tx, mediaId, removed.rating, null, -1);
		return true;
	});
}

export type EntryRow = {
	mediaId: string;
	title: string;
	mediaType: MediaType;
	status: EntryStatus;
	progress: number;
	progressTotal: number | null;
	rating: number | null;
	notes: string | null;
	updatedAt: string;
	minutesLeft: number | null;
};

const listSorts: Record<string, SQL> = {
	title: sql`${userMedia.metaSnapshot} ->> 'title'`,
	updated: sql`${userMedia.updatedAt}`,
	status: sql`${userMedia.status}`,
	rating: sql`coalesce(${userMedia.rating}, -1)`,
	time: sql`coalesce(media.estimated_minutes(${media.mediaType}, ${media.attributes}), 2147483647)`,
};

/**
 * The person's tracked entries for a status filter and sort, on their own partition of user_media
 * (user_id is named in the query). Partial: paging is a plain limit here; the full /lists view with
 * the shared controls bar, keyset paging and every filter is not built yet.
 */
export async function listEntries({
	userId,
	statuses,
	sort,
	dir,
	limit = 100,
}: {
	userId: string;
	statuses: EntryStatus[];
	sort: keyof typeof listSorts | string;
	dir: "asc" | "desc";
	limit?: number;
}): Promise<EntryRow[]> {
	const order = listSorts[sort] ?? listSorts.updated;
	const rows = await getDb()
		.select({
			mediaId: userMedia.mediaId,
			title: media.title,
			mediaType: media.mediaType,
			attributes: media.attributes,
			status: userMedia.status,
			progress: userMedia.progress,
			rating: userMedia.rating,
			notes: userMedia.notes,
			updatedAt: userMedia.updatedAt,
			minutes: sql<number | null>`media.estimated_minutes(${media.mediaType}, ${media.attributes})`,
		})
		.from(userMedia)
		.innerJoin(media, eq(media.id, userMedia.mediaId))
		.where(and(eq(userMedia.userId, userId), statuses.length > 0 ? inArray(userMedia.status, statuses) : undefined))
		.orderBy(sql`${order} ${sql.raw(dir === "asc" ? "asc" : "desc")}`, sql`${userMedia.mediaId}`)
		.limit(limit);
	return rows.map(({ attributes, minutes, ...row }) => {
		const total = progressTotal(row.mediaType, attributes);
		const share = total ? Math.min(row.progress / total, 1) : row.status === "completed" ? 1 : 0;
		return {
			...row,
			updatedAt: row.updatedAt.toISOString(),
			progressTotal: total,
			minutesLeft: minutes === null ? null : row.status === "completed" ? 0 : Math.round(minutes * (1 - share)),
		};
	});
}

/** Entries per status and total minutes planned (not started) and spent, for the summary line. */
export async function summariseEntries({ userId }: { userId: string }) {
	const result = await getDb().execute(sql`
		select um.status, count(*)::int as entries,
		       coalesce(sum(media.estimated_minutes(m.media_type, m.attributes)), 0)::bigint as minutes
		from interaction.user_media um join media.media m on m.id = um.media_id
		where um.user_id = ${userId}
		group by um.status`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
		status: EntryStatus;
		entries: number;
		minutes: string | number;
	}[];
	return rows.map((row) => ({ status: row.status, entries: Number(row.entries), minutes: Number(row.minutes) }));
}
