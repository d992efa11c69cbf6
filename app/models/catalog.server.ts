import { asc, count, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { type MediaType, media, mediaClasses, mediaTypes } from "../../db/schema";

export type CatalogOverview = {
	total: number;
	byType: { mediaType: MediaType; label: string; count: number }[];
	franchises: number;
};

/** Works per media type (labelled from the taxonomy) and the number of franchises, for the home page. */
export async function getCatalogOverview(): Promise<CatalogOverview> {
	const db = getDb();
	const byType = await db
		.select({ mediaType: mediaClasses.mediaType, label: mediaClasses.label, count: count(media.id) })
		.from(mediaClasses)
		.leftJoin(media, eq(media.mediaType, mediaClasses.mediaType))
		.where(isNotNull(mediaClasses.mediaType))
		.groupBy(mediaClasses.path, mediaClasses.mediaType, mediaClasses.label);
	const [franchises] = await db
		.select({ n: sql<number>`count(distinct subpath(${media.collectionPath}, 0, 1))::int` })
		.from(media);
	return {
		total: byType.reduce((sum, row) => sum + row.count, 0),
		byType: byType
			.map((row) => ({ mediaType: row.mediaType as MediaType, label: row.label, count: row.count }))
			.sort((a, b) => mediaTypes.indexOf(a.mediaType) - mediaTypes.indexOf(b.mediaType)),
		franchises: franchises?.n ?? 0,
	};
}

export type CatalogRow = {
	id: string;
	title: string;
	mediaType: MediaType;
	releaseDate: string | null;
	creators: string[];
	countryOfOrigin: string | null;
};

/** The most recently released works, optionally of one media type (the catalog preview). */
export async function listRecentWorks({ mediaType, limit = 50 }: { mediaType?: MediaType; limit?: number }) {
	const db = getDb();
	const rows: CatalogRow[] = await db
		.select({
			id: media.id,
			title: media.title,
			mediaType: media.mediaType,
			releaseDate: media.releaseDate,
			creators: media.creators,
			countryOfOrigin: media.countryOfOrigin,
		})
		.from(media)
		.where(mediaType ? eq(media.mediaType, mediaType) : undefined)
		.orderBy(desc(media.releaseDate), asc(media.id))
		.limit(limit);
	return rows;
}
