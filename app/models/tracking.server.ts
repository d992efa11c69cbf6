import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { type EntryStatus, media, mediaStats, userMedia } from "../../db/schema";
import { workSnapshot } from "./snapshot.server";

export type AddResult = "added" | "already-tracked" | "no-such-work";

/**
 * Puts a work in the person's list. The tracking counter of the work changes in the same
 * transaction, and only when a row was really added.
 */
export async function addEntry({
	userId,
	mediaId,
	status,
}: {
	userId: string;
	mediaId: string;
	status: EntryStatus;
}): Promise<AddResult> {
	return getDb().transaction(async (tx) => {
		const [work] = await tx
			.select({
				snapshot: workSnapshot,
				total: sql<number | null>`media.progress_total(${media.mediaType}, ${media.attributes})`,
			})
			.from(media)
			.where(eq(media.id, mediaId));
		if (!work) return "no-such-work";
		const today = new Date().toISOString().slice(0, 10);
		const inserted = await tx
			.insert(userMedia)
			.values({
				userId,
				mediaId,
				status,
				metaSnapshot: work.snapshot,
				// Added as completed: all of it is done.
				progress: status === "completed" && work.total !== null ? Number(work.total) : 0,
				startedAt: status === "in_progress" || status === "completed" ? today : null,
				completedAt: status === "completed" ? today : null,
			})
			.onConflictDoNothing()
			.returning({ mediaId: userMedia.mediaId });
		if (inserted.length === 0) return "already-tracked";
		await tx
			.insert(mediaStats)
			.values({ mediaId, trackingCount: 1 })
			.onConflictDoUpdate({
				target: mediaStats.mediaId,
				set: { trackingCount: sql`${mediaStats.trackingCount} + 1`, updatedAt: sql`now()` },
			});
		return "added";
	});
}

export async function getEntry({ userId, mediaId }: { userId: string; mediaId: string }) {
	const [entry] = await getDb()
		.select({
			status: userMedia.status,
			progress: userMedia.progress,
			rating: userMedia.rating,
			startedAt: userMedia.startedAt,
			completedAt: userMedia.completedAt,
		})
		.from(userMedia)
		.where(and(eq(userMedia.userId, userId), eq(userMedia.mediaId, mediaId)));
	return entry ?? null;
}
