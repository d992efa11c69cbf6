import { and, asc, count, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { FilterSpec, SortKey } from "~/lib/filter-spec";
import { getDb } from "../../db/client.server";
import { rowsOf } from "../../db/rows";
import {
	type EntryStatus,
	type MediaType,
	media,
	mediaClasses,
	mediaStats,
	mediaTypes,
	userMedia,
} from "../../db/schema";
import { planSearch, tsqueryOf } from "./catalog-search.server";
import { decodeCursor, type KeyPart, keyset } from "./keyset.server";

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
	mediaClass: string;
	releaseDate: string | null;
	creators: string[];
	countryOfOrigin: string | null;
	estimatedMinutes: number | null;
	ratingAvg: number | null;
	ratingsCount: number;
	myStatus: EntryStatus | null;
};

const minutesExpr = sql`media.estimated_minutes(${media.mediaType}, ${media.attributes})`;

// Each sort is a tuple of keys (NULLs folded to an end value so row comparison works), then the id.
const sortKeysSql: Partial<Record<SortKey, KeyPart[]>> = {
	title: [{ expr: sql`${media.title}`, cast: "text", of: (r) => r.title }],
	year: [
		{
			expr: sql`coalesce(${media.releaseDate}, '0001-01-01'::date)`,
			cast: "date",
			of: (r) => r.releaseDate ?? "0001-01-01",
		},
	],
	type: [
		{ expr: sql`${media.mediaType}`, cast: "text", of: (r) => r.mediaType },
		{ expr: sql`${media.title}`, cast: "text", of: (r) => r.title },
	],
	rating: [{ expr: sql`coalesce(${mediaStats.ratingAvg}, -1)`, cast: "numeric", of: (r) => r.ratingAvg ?? -1 }],
	popularity: [
		{ expr: sql`coalesce(${mediaStats.trackingCount}, 0)`, cast: "integer", of: (r) => Number(r.trackingCount ?? 0) },
	],
	time: [
		{
			expr: sql`coalesce(${minutesExpr}, 2147483647)`,
			cast: "integer",
			of: (r) => Number(r.estimatedMinutes ?? 2147483647),
		},
	],
	country: [
		{ expr: sql`coalesce(${media.countryOfOrigin}, 'ZZ')`, cast: "text", of: (r) => r.countryOfOrigin ?? "ZZ" },
		{ expr: sql`${media.title}`, cast: "text", of: (r) => r.title },
	],
};

export type CatalogPage = {
	rows: CatalogRow[];
	nextCursor: string | null;
	nextPage: number | null;
	total: number;
	totalCapped: boolean;
	correctedQuery: string | null;
};

const COUNT_CAP = 10_000;
const SEARCH_CANDIDATES = 2_000;

/**
 * One page of the catalog for a filter spec; every filter, the sort and the paging run in SQL.
 * Browsing pages by key (keyset); a search is ranked, so it pages by number over a capped result.
 */
export async function listCatalog({ spec, userId }: { spec: FilterSpec; userId: string | null }): Promise<CatalogPage> {
	const db = getDb();
	const where: SQL[] = [];
	let score: SQL | null = null;
	let correctedQuery: string | null = null;
	if (spec.q) {
		const plan = await planSearch(spec.q);
		correctedQuery = plan.correctedText;
		const tsq = tsqueryOf(plan);
		// Ranking is the expensive part for common words: rank at most SEARCH_CANDIDATES matches.
		where.push(
			sql`${media.id} in (select c.id from media.media c where c.search_vector @@ ${tsq} limit ${SEARCH_CANDIDATES})`,
		);
		// Titles close to what was meant (the corrected words, when corrected) come first.
		score = sql`(ts_rank_cd(${media.searchVector}, ${tsq}) + word_similarity(${correctedQuery ?? spec.q}, ${media.title}))`;
	}
	if (spec.type.length > 0) where.push(inArray(media.mediaType, spec.type));
	if (spec.class) where.push(sql`${media.mediaClass} <@ ${spec.class}::ltree`);
	if (spec.franchise) where.push(sql`${media.collectionPath} <@ ${spec.franchise}::ltree`);
	if (spec.yearFrom !== null) where.push(sql`${media.releaseDate} >= make_date(${spec.yearFrom}::int, 1, 1)`);
	if (spec.yearTo !== null) where.push(sql`${media.releaseDate} < make_date(${spec.yearTo}::int + 1, 1, 1)`);
	if (spec.country) where.push(eq(media.countryOfOrigin, spec.country));
	if (spec.creator) where.push(sql`${media.creators} @> array[${spec.creator}]::text[]`);
	if (spec.ratingMin !== null) where.push(sql`${mediaStats.ratingAvg} >= ${spec.ratingMin}`);
	if (spec.ratingMax !== null) where.push(sql`${mediaStats.ratingAvg} <= ${spec.ratingMax}`);
	// The person's own entries: user_id is named, so only their partition of user_media is read.
	if (userId && spec.list === "in") where.push(sql`${userMedia.userId} is not null`);
	if (userId && spec.list === "out") where.push(sql`${userMedia.userId} is null`);
	if (userId && spec.status.length > 0) where.push(inArray(userMedia.status, spec.status));

	const filtered = and(...where);
	const base = () => {
		const query = db
			.select({
				id: media.id,
				title: media.title,
				mediaType: media.mediaType,
				mediaClass: media.mediaClass,
				releaseDate: media.releaseDate,
				creators: media.creators,
				countryOfOrigin: media.countryOfOrigin,
				estimatedMinutes: sql<number | null>`${minutesExpr}`,
				ratingAvg: sql<number | null>`${mediaStats.ratingAvg}::float8`,
				ratingsCount: sql<number>`coalesce(${mediaStats.ratingsCount}, 0)`,
				trackingCount: sql<number>`coalesce(${mediaStats.trackingCount}, 0)`,
				myStatus: userId ? sql<EntryStatus | null>`${userMedia.status}` : sql<null>`null::text`,
			})
			.from(media)
			.leftJoin(mediaStats, eq(mediaStats.mediaId, media.id));
		return userId
			? query.leftJoin(userMedia, and(eq(userMedia.userId, userId), eq(userMedia.mediaId, media.id)))
			: query;
	};

	// The capped count joins only what the filters read, and runs beside the page.
	const byStats = spec.ratingMin !== null || spec.ratingMax !== null;
	const byEntries = userId !== null && (spec.list === "in" || spec.list === "out" || spec.status.length > 0);
	let countable = db.select({ one: sql`1` }).from(media).$dynamic();
	if (byStats) countable = countable.leftJoin(mediaStats, eq(mediaStats.mediaId, media.id));
	if (byEntries && userId)
		countable = countable.leftJoin(userMedia, and(eq(userMedia.userId, userId), eq(userMedia.mediaId, media.id)));
	const cappedCount = () =>
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(sql`(${countable.where(filtered).limit(COUNT_CAP + 1)}) as capped`)
			.then(([row]) => Number(row.n));
	// Browsing by class alone (or the whole catalog): the class tree's counts, which the sidebar shows too.
	const byClassAlone =
		!spec.q &&
		spec.type.length === 0 &&
		!spec.franchise &&
		spec.yearFrom === null &&
		spec.yearTo === null &&
		!spec.country &&
		!spec.creator &&
		!byStats &&
		!byEntries;
	const counting = byClassAlone ? classTotal(spec.class).then((total) => total ?? cappedCount()) : cappedCount();

	const dir = spec.dir === "asc" ? "asc" : "desc";
	let rows: (CatalogRow & { trackingCount: number })[] = [];
	let nextCursor: string | null = null;
	let nextPage: number | null = null;
	const paging = (async () => {
		if (spec.sort === "relevance" && score) {
			const offset = (spec.page - 1) * spec.size;
			rows = await base()
				.where(filtered)
				.orderBy(sql`${score} ${sql.raw(dir)}`, asc(media.id))
				.limit(spec.size + 1)
				.offset(offset);
			if (rows.length > spec.size) nextPage = spec.page + 1;
		} else {
			const keys = sortKeysSql[spec.sort] ?? sortKeysSql.title ?? [];
			const page = keyset(keys, sql`${media.id}`, dir, decodeCursor(spec.after, keys));
			const offset = page.condition ? 0 : (spec.page - 1) * spec.size;
			rows = await base()
				.where(and(filtered, page.condition))
				.orderBy(...page.orderBy)
				.limit(spec.size + 1)
				.offset(offset);
			if (rows.length > spec.size) {
				const last = rows[spec.size - 1];
				nextCursor = page.cursorOf(last as unknown as Record<string, unknown>, last.id);
			}
		}
	})();
	const [n] = await Promise.all([counting, paging]);
	return {
		rows: rows.slice(0, spec.size).map(({ trackingCount: _t, ...row }) => row),
		nextCursor,
		nextPage,
		total: Math.min(n, COUNT_CAP),
		totalCapped: n > COUNT_CAP,
		correctedQuery,
	};
}

export type ClassNode = { path: string; label: string; depth: number; count: number };

let classCache: { at: number; nodes: ClassNode[] } | null = null;
let classRefresh: Promise<ClassNode[]> | null = null;
const CLASS_CACHE_MS = 60_000;

/** Works per media class in one pass over the catalog, summed up the tree (a node counts its descendants). */
async function countClassTree(): Promise<ClassNode[]> {
	const db = getDb();
	const [classes, counts] = await Promise.all([
		db.execute(
			sql`select c.path::text as path, c.label, nlevel(c.path) as depth from media.media_classes c order by c.path`,
		),
		db.execute(
			sql`select m.media_class::text as path, count(*)::int as count from media.media m group by m.media_class`,
		),
	]);
	const perClass = rowsOf<{ path: string; count: number }>(counts);
	return rowsOf<{ path: string; label: string; depth: number }>(classes).map((node) => ({
		...node,
		depth: Number(node.depth),
		count: perClass
			.filter((c) => c.path === node.path || c.path.startsWith(`${node.path}.`))
			.reduce((sum, c) => sum + Number(c.count), 0),
	}));
}

/**
 * The media-class tree with the number of works under each node, cached for a minute per process. Once
 * cached, an expired tree is still served while one refresh runs, so no request waits for the count.
 */
export async function getClassTree(): Promise<ClassNode[]> {
	const fresh = classCache && Date.now() - classCache.at < CLASS_CACHE_MS;
	if (fresh && classCache) return classCache.nodes;
	classRefresh ??= countClassTree()
		.then((nodes) => {
			classCache = { at: Date.now(), nodes };
			return nodes;
		})
		.finally(() => {
			classRefresh = null;
		});
	if (!classCache) return classRefresh;
	// Served stale meanwhile; a failed refresh is retried by the next request.
	classRefresh.catch(() => {});
	return classCache.nodes;
}

/** Works under a class (the whole catalog without one) from the cached class tree; null when the tree lacks it. */
async function classTotal(path: string | null): Promise<number | null> {
	const tree = await getClassTree();
	if (!path) return tree.filter((node) => node.depth === 1).reduce((sum, node) => sum + node.count, 0);
	return tree.find((node) => node.path === path)?.count ?? null;
}

/** Franchise roots with labels, for the franchise filter. */
export async function listFranchiseRoots(): Promise<{ path: string; label: string }[]> {
	const rows = await getDb().execute(sql`
		select c.path::text as path, c.label from media.collections c
		where nlevel(c.path) = 1 and exists (select 1 from media.media m where m.collection_path <@ c.path)
		order by c.label`);
	return rowsOf<{ path: string; label: string }>(rows);
}
