import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { rowsOf } from "../../db/rows";
import { externalLinks, type MediaType, media, mediaClasses, mediaStats } from "../../db/schema";

/** Everything the work page shows about one work, or null when there is no such work. */
export async function getWork(id: string) {
	const db = getDb();
	const [work] = await db
		.select({
			id: media.id,
			title: media.title,
			mediaType: media.mediaType,
			mediaClass: media.mediaClass,
			classLabel: mediaClasses.label,
			releaseDate: media.releaseDate,
			countryOfOrigin: media.countryOfOrigin,
			creators: media.creators,
			attributes: media.attributes,
			collectionPath: media.collectionPath,
			estimatedMinutes: sql<number | null>`media.estimated_minutes(${media.mediaType}, ${media.attributes})`,
			ratingAvg: sql<number | null>`${mediaStats.ratingAvg}::float8`,
			ratingsCount: sql<number>`coalesce(${mediaStats.ratingsCount}, 0)`,
			trackingCount: sql<number>`coalesce(${mediaStats.trackingCount}, 0)`,
			reviewsCount: sql<number>`coalesce(${mediaStats.reviewsCount}, 0)`,
		})
		.from(media)
		.innerJoin(mediaClasses, eq(mediaClasses.path, media.mediaClass))
		.leftJoin(mediaStats, eq(mediaStats.mediaId, media.id))
		.where(eq(media.id, id));
	if (!work) return null;
	const links = await db
		.select({ source: externalLinks.sourceName, key: externalLinks.externalKey })
		.from(externalLinks)
		.where(eq(externalLinks.mediaId, id))
		.orderBy(asc(externalLinks.sourceName));
	const franchise = work.collectionPath ? await getFranchise(work.collectionPath, work.title) : null;
	return { ...work, links, franchise };
}

/** The franchise of a work: breadcrumbs of its collection path, and every work of the franchise in release order. */
async function getFranchise(path: string, title: string) {
	const crumbs = rowsOf<{ path: string; label: string | null }>(
		await getDb().execute(sql`
			select subpath(${path}::ltree, 0, n)::text as path, c.label
			from generate_series(1, nlevel(${path}::ltree) - 1) n
			left join media.collections c on c.path = subpath(${path}::ltree, 0, n)
			order by n`),
	);
	const root = path.split(".")[0];
	const works = rowsOf<{ id: string; title: string; media_type: MediaType; release_date: string | null }>(
		await getDb().execute(sql`
			select id, title, media_type, release_date::text as release_date from media.media
			where collection_path <@ ${root}::ltree
			order by release_date nulls last, title limit 200`),
	);
	return {
		root,
		breadcrumbs: [
			...crumbs.map((c) => ({ path: c.path, label: c.label ?? c.path.split(".").at(-1) ?? c.path })),
			{ path, label: title },
		],
		works: works.map((w) => ({ id: w.id, title: w.title, mediaType: w.media_type, releaseDate: w.release_date })),
	};
}
