import { and, eq, inArray } from "drizzle-orm";
import { progressTotal } from "~/lib/progress";
import { getDb } from "../../db/client.server";
import { type EntryStatus, type MediaType, media, userMedia } from "../../db/schema";
import { adjustStats, lockPersonWorks, reviewRatings, type Tx } from "./media-stats.server";
import { workSnapshot } from "./snapshot.server";

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

/** Thrown inside a transaction to roll it back and hand a result to the caller. */
class Rollback extends Error {
	constructor(readonly result: UpdateResult) {
		super("rollback");
	}
}

/**
 * Changes one of the person's entries inside a transaction, scoped by user_id and media_id in the
 * query. Progress is checked against the work's total; completing sets progress to the total and the
 * completion date; starting sets the start date.
 */
async function applyChange(tx: Tx, userId: string, mediaId: string, change: EntryChange): Promise<UpdateResult> {
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
	if (
		(next.status === "in_progress" || next.status === "completed") &&
		next.startedAt === undefined &&
		!current.startedAt
	)
		next.startedAt = next.completedAt ?? today;
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
	if (next.rating !== undefined && next.rating !== current.rating) {
		// The person's review rating counts only while their entry has none.
		await lockPersonWorks(tx, userId, [mediaId]);
		const review = (await reviewRatings(tx, userId, [mediaId])).get(mediaId) ?? null;
		await adjustStats(tx, mediaId, { before: current.rating ?? review, after: next.rating ?? review });
	}
	return { ok: true };
}

/** Changes one of the person's entries (one transaction). */
export async function updateEntry({
	userId,
	mediaId,
	change,
}: {
	userId: string;
	mediaId: string;
	change: EntryChange;
}): Promise<UpdateResult> {
	return getDb().transaction((tx) => applyChange(tx, userId, mediaId, change));
}

async function deleteEntries(tx: Tx, userId: string, mediaIds: string[]): Promise<number> {
	const removed = await tx
		.delete(userMedia)
		.where(and(eq(userMedia.userId, userId), inArray(userMedia.mediaId, mediaIds)))
		.returning({ mediaId: userMedia.mediaId, rating: userMedia.rating });
	// Entry rows first, then the rating lock: the order every entry write takes them in.
	await lockPersonWorks(
		tx,
		userId,
		removed.map((row) => row.mediaId),
	);
	const review = await reviewRatings(
		tx,
		userId,
		removed.map((row) => row.mediaId),
	);
	for (const row of removed) {
		const kept = review.get(row.mediaId) ?? null;
		await adjustStats(tx, row.mediaId, { before: row.rating ?? kept, after: kept, tracking: -1 });
	}
	return removed.length;
}

/** Removes one of the person's entries; the work's counters follow in the same transaction. */
export async function removeEntry({ userId, mediaId }: { userId: string; mediaId: string }): Promise<boolean> {
	return getDb().transaction(async (tx) => (await deleteEntries(tx, userId, [mediaId])) === 1);
}

/**
 * A status change or removal of several entries, all or nothing: if any entry is not the person's, or
 * any change is refused, the transaction rolls back and nothing changes.
 */
export async function bulkChange({
	userId,
	mediaIds,
	operation,
}: {
	userId: string;
	mediaIds: string[];
	operation: { kind: "status"; status: EntryStatus } | { kind: "remove" };
}): Promise<UpdateResult> {
	const unique = [...new Set(mediaIds)];
	try {
		return await getDb().transaction(async (tx) => {
			if (operation.kind === "remove") {
				if ((await deleteEntries(tx, userId, unique)) !== unique.length)
					throw new Rollback({ ok: false, reason: "not-found" });
				return { ok: true } as const;
			}
			for (const mediaId of unique) {
				const result = await applyChange(tx, userId, mediaId, { status: operation.status });
				if (!result.ok) throw new Rollback(result);
			}
			return { ok: true } as const;
		});
	} catch (error) {
		if (error instanceof Rollback) return error.result;
		throw error;
	}
}

export type RestoredEntry = Required<Omit<EntryChange, "status">> & { status: EntryStatus };

/**
 * Puts back an entry the person just removed (undo), with its values, in one transaction; a work
 * already back in the list is left as it is.
 */
export async function restoreEntry({
	userId,
	mediaId,
	entry,
}: {
	userId: string;
	mediaId: string;
	entry: RestoredEntry;
}): Promise<UpdateResult> {
	try {
		return await getDb().transaction(async (tx) => {
			const [work] = await tx
				.select({ mediaType: media.mediaType, attributes: media.attributes, snapshot: workSnapshot })
				.from(media)
				.where(eq(media.id, mediaId));
			if (!work) return { ok: false, reason: "not-found" } as const;
			const total = progressTotal(work.mediaType as MediaType, work.attributes);
			if (total !== null && entry.progress > total)
				return {
					ok: false,
					reason: "invalid",
					field: "progress",
					message: `Progress can be at most ${total}.`,
				} as const;
			const inserted = await tx
				.insert(userMedia)
				.values({ userId, mediaId, ...entry, metaSnapshot: work.snapshot })
				.onConflictDoNothing()
				.returning({ mediaId: userMedia.mediaId });
			if (inserted.length === 1) {
				await lockPersonWorks(tx, userId, [mediaId]);
				const review = (await reviewRatings(tx, userId, [mediaId])).get(mediaId) ?? null;
				await adjustStats(tx, mediaId, { before: review, after: entry.rating ?? review, tracking: 1 });
			}
			return { ok: true } as const;
		});
	} catch (error) {
		// The table's own checks (dates in order, lengths) refuse what the form could not know.
		if (error instanceof Error && /violates check constraint/.test(`${error.message} ${String(error.cause ?? "")}`))
			return { ok: false, reason: "invalid", field: "entry", message: "These values do not fit together." };
		throw error;
	}
}
