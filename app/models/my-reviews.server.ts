import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { FilterSpec } from "~/lib/filter-spec";
import { getDb } from "../../db/client.server";
import { type MediaType, media, reviews } from "../../db/schema";
import { planSearch, tsqueryOf } from "./catalog-search.server";

export type MyReviewRow = {
	mediaId: string;
	reviewId: string;
	title: string;
	mediaType: MediaType;
	body: string;
	rating: number | null;
	spoiler: boolean;
	helpfulCount: number;
	updatedAt: string;
};

// A person writes reviews by the dozen, not by the million: their rows are found through
// (user_id, updated_at) on each partition and sorted, so every sort pages by number.
const orderOf: Record<string, SQL> = {
	updated: sql`${reviews.updatedAt}`,
	rating: sql`coalesce(${reviews.rating}, -1)`,
	title: sql`${media.title}`,
};

async function reviewFilters(userId: string, spec: FilterSpec): Promise<SQL[]> {
	const where: SQL[] = [eq(reviews.userId, userId)];
	if (spec.q) where.push(sql`${media.searchVector} @@ ${tsqueryOf(await planSearch(spec.q))}`);
	if (spec.type.length > 0) where.push(inArray(media.mediaType, spec.type));
	if (spec.class) where.push(sql`${media.mediaClass} <@ ${spec.class}::ltree`);
	if (spec.franchise) where.push(sql`${media.collectionPath} <@ ${spec.franchise}::ltree`);
	if (spec.yearFrom !== null) where.push(sql`${media.releaseDate} >= make_date(${spec.yearFrom}::int, 1, 1)`);
	if (spec.yearTo !== null) where.push(sql`${media.releaseDate} < make_date(${spec.yearTo}::int + 1, 1, 1)`);
	if (spec.country) where.push(eq(media.countryOfOrigin, spec.country));
	if (spec.creator) where.push(sql`${media.creators} @> array[${spec.creator}]::text[]`);
	if (spec.ratingMin !== null) where.push(sql`${reviews.rating} >= ${spec.ratingMin}`);
	if (spec.ratingMax !== null) where.push(sql`${reviews.rating} <= ${spec.ratingMax}`);
	if (spec.spoiler) where.push(eq(reviews.spoiler, spec.spoiler === "yes"));
	return where;
}

/** One page of the person's reviews for a filter spec (scope "reviews"): filters, sort and paging in SQL. */
export async function listMyReviews({ userId, spec }: { userId: string; spec: FilterSpec }) {
	const where = and(...(await reviewFilters(userId, spec)));
	const order = orderOf[spec.sort] ?? orderOf.updated;
	const direction = sql.raw(spec.dir === "asc" ? "asc" : "desc");
	const rows = await getDb()
		.select({
			mediaId: reviews.mediaId,
			reviewId: reviews.id,
			title: media.title,
			mediaType: media.mediaType,
			body: reviews.body,
			rating: reviews.rating,
			spoiler: reviews.spoiler,
			helpfulCount: reviews.helpfulCount,
			updatedAt: reviews.updatedAt,
		})
		.from(reviews)
		.innerJoin(media, eq(media.id, reviews.mediaId))
		.where(where)
		.orderBy(sql`${order} ${direction}`, sql`${reviews.mediaId} ${direction}`)
		.limit(spec.size + 1)
		.offset((spec.page - 1) * spec.size);
	const [{ n }] = await getDb()
		.select({ n: sql<number>`count(*)::int` })
		.from(reviews)
		.innerJoin(media, eq(media.id, reviews.mediaId))
		.where(where);
	return {
		rows: rows.slice(0, spec.size).map(
			(row): MyReviewRow => ({
				...row,
				mediaType: row.mediaType as MediaType,
				updatedAt: row.updatedAt.toISOString(),
			}),
		),
		nextPage: rows.length > spec.size ? spec.page + 1 : null,
		total: Number(n),
	};
}
