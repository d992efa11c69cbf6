import { and, eq, inArray, sql } from "drizzle-orm";
import type { getDb } from "../../db/client.server";
import { mediaStats, reviews, userMedia } from "../../db/schema";

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/**
 * The community rating counts each person once per work: their list entry's rating, or else their
 * review's rating (docs/decisions/007). Writes to either take this lock on (person, work) first, so
 * the two are read consistently when the difference is computed.
 */
export async function lockPersonWorks(tx: Tx, userId: string, mediaIds: string[]): Promise<void> {
	if (mediaIds.length === 0) return;
	// Sorted, so two transactions locking several works take them in the same order.
	const ids = [...new Set(mediaIds)].sort();
	await tx.execute(sql`
		select pg_advisory_xact_lock(hashtextextended(${userId}::text || m, 0))
		from unnest(array[${sql.join(
			ids.map((id) => sql`${id}`),
			sql`, `,
		)}]::text[]) m`);
}

/** The person's review ratings of some works (only partitions of those works are read). */
export async function reviewRatings(tx: Tx, userId: string, mediaIds: string[]): Promise<Map<string, number | null>> {
	if (mediaIds.length === 0) return new Map();
	const rows = await tx
		.select({ mediaId: reviews.mediaId, rating: reviews.rating })
		.from(reviews)
		.where(and(inArray(reviews.mediaId, mediaIds), eq(reviews.userId, userId)));
	return new Map(rows.map((row) => [row.mediaId, row.rating]));
}

export async function entryRating(tx: Tx, userId: string, mediaId: string): Promise<number | null> {
	const [row] = await tx
		.select({ rating: userMedia.rating })
		.from(userMedia)
		.where(and(eq(userMedia.userId, userId), eq(userMedia.mediaId, mediaId)));
	return row?.rating ?? null;
}

/**
 * Adds the difference one write makes to a work's counters, in the caller's transaction: the person's
 * counted rating before and after, and changes of the tracking and review counts.
 */
export async function adjustStats(
	tx: Tx,
	mediaId: string,
	change: { before?: number | null; after?: number | null; tracking?: number; reviews?: number },
): Promise<void> {
	const before = change.before ?? null;
	const after = change.after ?? null;
	const tracking = change.tracking ?? 0;
	const reviewDelta = change.reviews ?? 0;
	const countDelta = (after === null ? 0 : 1) - (before === null ? 0 : 1);
	const sumDelta = (after ?? 0) - (before ?? 0);
	if (countDelta === 0 && sumDelta === 0 && tracking === 0 && reviewDelta === 0) return;
	await tx
		.insert(mediaStats)
		.values({
			mediaId,
			ratingsCount: Math.max(countDelta, 0),
			ratingsSum: Math.max(sumDelta, 0),
			trackingCount: Math.max(tracking, 0),
			reviewsCount: Math.max(reviewDelta, 0),
		})
		.onConflictDoUpdate({
			target: mediaStats.mediaId,
			set: {
				ratingsCount: sql`${mediaStats.ratingsCount} + ${countDelta}`,
				ratingsSum: sql`${mediaStats.ratingsSum} + ${sumDelta}`,
				trackingCount: sql`${mediaStats.trackingCount} + ${tracking}`,
				reviewsCount: sql`${mediaStats.reviewsCount} + ${reviewDelta}`,
				updatedAt: sql`now()`,
			},
		});
}
