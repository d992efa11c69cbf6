import { and, eq, sql } from "drizzle-orm";
import type { ReviewSort } from "~/lib/review-schemas";
import { getDb } from "../../db/client.server";
import { media, reviews, reviewVotes, users } from "../../db/schema";
import { decodeCursor, type KeyPart, keyset } from "./keyset.server";
import { adjustStats, entryRating, lockPersonWorks } from "./media-stats.server";

export type ReviewInput = { body: string; rating: number | null; spoiler: boolean };
export type SaveResult = "created" | "updated" | "no-such-work" | "not-found";

/**
 * Writes the person's review of a work (one per person per work: the primary key). With `reviewId`
 * only that review of theirs is changed. The work's review count and community rating follow in the
 * same transaction; the review's rating counts only when the person's list entry has no rating.
 */
export async function saveReview({
	userId,
	mediaId,
	reviewId,
	review,
}: {
	userId: string;
	mediaId: string;
	reviewId?: string;
	review: ReviewInput;
}): Promise<SaveResult> {
	return getDb().transaction(async (tx) => {
		const [work] = await tx.select({ id: media.id }).from(media).where(eq(media.id, mediaId));
		if (!work) return "no-such-work";
		await lockPersonWorks(tx, userId, [mediaId]);
		const [existing] = await tx
			.select({ id: reviews.id, rating: reviews.rating })
			.from(reviews)
			.where(and(eq(reviews.mediaId, mediaId), eq(reviews.userId, userId)))
			// Keys are not changed, so helpful marks (which share-lock the key) can go on meanwhile.
			.for("no key update");
		if (reviewId && existing?.id !== reviewId) return "not-found";
		const entry = await entryRating(tx, userId, mediaId);
		if (existing) {
			await tx
				.update(reviews)
				.set({ ...review, updatedAt: sql`now()` })
				.where(and(eq(reviews.mediaId, mediaId), eq(reviews.userId, userId)));
		} else {
			await tx.insert(reviews).values({ mediaId, userId, ...review });
		}
		await adjustStats(tx, mediaId, {
			before: entry ?? existing?.rating ?? null,
			after: entry ?? review.rating,
			reviews: existing ? 0 : 1,
		});
		return existing ? "updated" : "created";
	});
}

/** Deletes the person's review of a work (and its helpful marks); false when they have none (or not that one). */
export async function deleteReview({
	userId,
	mediaId,
	reviewId,
}: {
	userId: string;
	mediaId: string;
	reviewId?: string;
}): Promise<boolean> {
	return getDb().transaction(async (tx) => {
		await lockPersonWorks(tx, userId, [mediaId]);
		const [removed] = await tx
			.delete(reviews)
			.where(
				and(eq(reviews.mediaId, mediaId), eq(reviews.userId, userId), reviewId ? eq(reviews.id, reviewId) : undefined),
			)
			.returning({ rating: reviews.rating });
		if (!removed) return false;
		const entry = await entryRating(tx, userId, mediaId);
		await adjustStats(tx, mediaId, { before: entry ?? removed.rating, after: entry, reviews: -1 });
		return true;
	});
}

export type HelpfulResult = "marked" | "unmarked" | "not-found" | "own-review";

/** Marks another person's review as helpful, or takes the mark back (one mark per person per review). */
export async function toggleHelpful({
	userId,
	mediaId,
	reviewId,
}: {
	userId: string;
	mediaId: string;
	reviewId: string;
}): Promise<HelpfulResult> {
	return getDb().transaction(async (tx) => {
		const [review] = await tx
			.select({ authorId: reviews.userId })
			.from(reviews)
			.where(and(eq(reviews.mediaId, mediaId), eq(reviews.id, reviewId)));
		if (!review) return "not-found";
		if (review.authorId === userId) return "own-review";
		const added = await tx
			.insert(reviewVotes)
			.values({ mediaId, reviewId, userId })
			.onConflictDoNothing()
			.returning({ userId: reviewVotes.userId });
		const removed =
			added.length === 1
				? []
				: await tx
						.delete(reviewVotes)
						.where(
							and(eq(reviewVotes.mediaId, mediaId), eq(reviewVotes.reviewId, reviewId), eq(reviewVotes.userId, userId)),
						)
						.returning({ userId: reviewVotes.userId });
		const delta = added.length - removed.length;
		if (delta !== 0)
			await tx
				.update(reviews)
				.set({ helpfulCount: sql`${reviews.helpfulCount} + ${delta}` })
				.where(and(eq(reviews.mediaId, mediaId), eq(reviews.id, reviewId)));
		return delta > 0 ? "marked" : "unmarked";
	});
}

export type WorkReview = {
	id: string;
	authorName: string;
	body: string;
	rating: number | null;
	spoiler: boolean;
	helpfulCount: number;
	createdAt: string;
	edited: boolean;
	mine: boolean;
	markedByMe: boolean;
};

// Both orders read one index of the work's partition backwards: newest first, or most marks first.
const reviewKeys: Record<ReviewSort, KeyPart[]> = {
	newest: [{ expr: sql`${reviews.createdAt}`, cast: "timestamptz", of: (r) => r.createdKey }],
	helpful: [
		{ expr: sql`${reviews.helpfulCount}`, cast: "integer", of: (r) => r.helpfulCount },
		{ expr: sql`${reviews.createdAt}`, cast: "timestamptz", of: (r) => r.createdKey },
	],
};

export const REVIEWS_PAGE_SIZE = 20;

/** The page query of a work's reviews (built, not run), also what the query-plan test explains. */
export function workReviewsQuery({
	mediaId,
	viewerId,
	sort,
	after,
	size = REVIEWS_PAGE_SIZE,
}: {
	mediaId: string;
	viewerId: string | null;
	sort: ReviewSort;
	after: string | null;
	size?: number;
}) {
	const keys = reviewKeys[sort];
	const page = keyset(keys, sql`${reviews.id}`, "desc", decodeCursor(after, keys));
	const query = getDb()
		.select({
			id: reviews.id,
			authorId: reviews.userId,
			authorName: users.displayName,
			body: reviews.body,
			rating: reviews.rating,
			spoiler: reviews.spoiler,
			helpfulCount: reviews.helpfulCount,
			createdAt: reviews.createdAt,
			updatedAt: reviews.updatedAt,
			createdKey: sql<string>`${reviews.createdAt}::text`,
			markedByMe: viewerId
				? sql<boolean>`exists (select 1 from ${reviewVotes} v where v.media_id = ${reviews.mediaId}
					and v.review_id = ${reviews.id} and v.user_id = ${viewerId})`
				: sql<boolean>`false`,
		})
		.from(reviews)
		.innerJoin(users, eq(users.id, reviews.userId))
		.where(and(eq(reviews.mediaId, mediaId), page.condition))
		.orderBy(...page.orderBy)
		.limit(size + 1);
	return { query, cursorOf: page.cursorOf };
}

/** One page of a work's reviews, newest or most helpful first, paged by key. */
export async function listWorkReviews(args: {
	mediaId: string;
	viewerId: string | null;
	sort: ReviewSort;
	after: string | null;
}): Promise<{ rows: WorkReview[]; nextCursor: string | null }> {
	const { query, cursorOf } = workReviewsQuery(args);
	const rows = await query;
	const last = rows[REVIEWS_PAGE_SIZE - 1];
	return {
		rows: rows.slice(0, REVIEWS_PAGE_SIZE).map((row) => ({
			id: row.id,
			authorName: row.authorName,
			body: row.body,
			rating: row.rating,
			spoiler: row.spoiler,
			helpfulCount: row.helpfulCount,
			createdAt: row.createdAt.toISOString(),
			edited: row.updatedAt.getTime() - row.createdAt.getTime() > 1000,
			mine: row.authorId === args.viewerId,
			markedByMe: Boolean(row.markedByMe),
		})),
		nextCursor:
			rows.length > REVIEWS_PAGE_SIZE && last ? cursorOf(last as unknown as Record<string, unknown>, last.id) : null,
	};
}

/** The person's own review of a work, for the edit form. */
export async function getMyReview({ userId, mediaId }: { userId: string; mediaId: string }) {
	const [review] = await getDb()
		.select({ id: reviews.id, body: reviews.body, rating: reviews.rating, spoiler: reviews.spoiler })
		.from(reviews)
		.where(and(eq(reviews.mediaId, mediaId), eq(reviews.userId, userId)));
	return review ?? null;
}
