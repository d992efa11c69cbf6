import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { FilterSpec, SortKey } from "~/lib/filter-spec";
import { getDb } from "../../db/client.server";
import { rowsOf } from "../../db/rows";
import { type EntryStatus, type MediaType, media, userMedia, userMediaTotals } from "../../db/schema";
import { planSearch, tsqueryOf } from "./catalog-search.server";
import { decodeCursor, type KeyPart, keyset } from "./keyset.server";

export type EntryRow = {
	mediaId: string;
	title: string;
	mediaType: MediaType;
	mediaClass: string;
	releaseDate: string | null;
	creators: string[];
	countryOfOrigin: string | null;
	status: EntryStatus;
	progress: number;
	progressTotal: number | null;
	rating: number | null;
	notes: string | null;
	startedAt: string | null;
	completedAt: string | null;
	repeatCount: number;
	updatedAt: string;
	minutesLeft: number | null;
};

const snapshotTitle = sql`(${userMedia.metaSnapshot} ->> 'title')`;
const minutesLeft = sql`media.minutes_left(${media.mediaType}, ${media.attributes}, ${userMedia.status}, ${userMedia.progress})`;
/** Time left and release date as the snapshot holds them (migrations/0008): what the time and year indexes hold. */
const snapshotTimeLeft = sql`coalesce(interaction.entry_minutes_left(${userMedia.status}, ${userMedia.progress}, ${userMedia.metaSnapshot}), 2147483647)`;
const snapshotReleased = sql`coalesce(${userMedia.metaSnapshot} ->> 'released', '0001-01-01')`;

/**
 * Each sort of my list as a key tuple over user_media alone, each with an index led by user_id
 * (migrations/0004 and 0008), so a page is an index range on the person's partition.
 */
const sortKeysSql: Partial<Record<SortKey, KeyPart[]>> = {
	title: [{ expr: snapshotTitle, cast: "text", of: (r) => r.titleKey }],
	type: [
		{ expr: sql`(${userMedia.metaSnapshot} ->> 'mediaType')`, cast: "text", of: (r) => r.typeKey },
		{ expr: snapshotTitle, cast: "text", of: (r) => r.titleKey },
	],
	status: [
		{ expr: sql`interaction.status_rank(${userMedia.status})`, cast: "integer", of: (r) => r.statusRank },
		{ expr: snapshotTitle, cast: "text", of: (r) => r.titleKey },
	],
	progress: [{ expr: sql`${userMedia.progress}`, cast: "integer", of: (r) => r.progress }],
	rating: [{ expr: sql`coalesce(${userMedia.rating}, -1)`, cast: "integer", of: (r) => r.rating ?? -1 }],
	updated: [{ expr: sql`${userMedia.updatedAt}`, cast: "timestamptz", of: (r) => r.updatedKey }],
	started: [
		{
			expr: sql`coalesce(${userMedia.startedAt}, '0001-01-01'::date)`,
			cast: "date",
			of: (r) => r.startedAt ?? "0001-01-01",
		},
	],
	completed: [
		{
			expr: sql`coalesce(${userMedia.completedAt}, '0001-01-01'::date)`,
			cast: "date",
			of: (r) => r.completedAt ?? "0001-01-01",
		},
	],
	time: [{ expr: snapshotTimeLeft, cast: "integer", of: (r) => Number(r.timeKey) }],
	year: [{ expr: snapshotReleased, cast: "text", of: (r) => r.releasedKey }],
};

/** Sorts of my list served by an index on user_media: all of them. */
export const indexedListSorts = Object.keys(sortKeysSql);

/** The WHERE of a spec over the person's entries joined to their works; user_id always comes first. */
async function entryFilters(userId: string, spec: FilterSpec): Promise<SQL[]> {
	const where: SQL[] = [eq(userMedia.userId, userId)];
	if (spec.q) where.push(sql`${media.searchVector} @@ ${tsqueryOf(await planSearch(spec.q))}`);
	if (spec.status.length > 0) where.push(inArray(userMedia.status, spec.status));
	if (spec.type.length > 0) where.push(inArray(media.mediaType, spec.type));
	if (spec.class) where.push(sql`${media.mediaClass} <@ ${spec.class}::ltree`);
	if (spec.franchise) where.push(sql`${media.collectionPath} <@ ${spec.franchise}::ltree`);
	if (spec.yearFrom !== null) where.push(sql`${media.releaseDate} >= make_date(${spec.yearFrom}::int, 1, 1)`);
	if (spec.yearTo !== null) where.push(sql`${media.releaseDate} < make_date(${spec.yearTo}::int + 1, 1, 1)`);
	if (spec.country) where.push(eq(media.countryOfOrigin, spec.country));
	if (spec.creator) where.push(sql`${media.creators} @> array[${spec.creator}]::text[]`);
	if (spec.ratingMin !== null) where.push(sql`${userMedia.rating} >= ${spec.ratingMin}`);
	if (spec.ratingMax !== null) where.push(sql`${userMedia.rating} <= ${spec.ratingMax}`);
	if (spec.startedFrom) where.push(sql`${userMedia.startedAt} >= ${spec.startedFrom}::date`);
	if (spec.startedTo) where.push(sql`${userMedia.startedAt} <= ${spec.startedTo}::date`);
	if (spec.completedFrom) where.push(sql`${userMedia.completedAt} >= ${spec.completedFrom}::date`);
	if (spec.completedTo) where.push(sql`${userMedia.completedAt} <= ${spec.completedTo}::date`);
	return where;
}

export type EntryPage = { rows: EntryRow[]; nextCursor: string | null; total: number; totalCapped: boolean };

const COUNT_CAP = 10_000;

function pageQuery(where: SQL | undefined) {
	return getDb()
		.select({
			mediaId: userMedia.mediaId,
			title: media.title,
			mediaType: media.mediaType,
			mediaClass: media.mediaClass,
			releaseDate: media.releaseDate,
			creators: media.creators,
			countryOfOrigin: media.countryOfOrigin,
			status: userMedia.status,
			progress: userMedia.progress,
			progressTotal: sql<number | null>`media.progress_total(${media.mediaType}, ${media.attributes})`,
			rating: userMedia.rating,
			notes: userMedia.notes,
			startedAt: userMedia.startedAt,
			completedAt: userMedia.completedAt,
			repeatCount: userMedia.repeatCount,
			updatedAt: userMedia.updatedAt,
			minutesLeft: sql<number | null>`${minutesLeft}`,
			titleKey: sql<string>`${snapshotTitle}`,
			typeKey: sql<string>`(${userMedia.metaSnapshot} ->> 'mediaType')`,
			statusRank: sql<number>`interaction.status_rank(${userMedia.status})`,
			updatedKey: sql<string>`${userMedia.updatedAt}::text`,
			timeKey: sql<number>`${snapshotTimeLeft}`,
			releasedKey: sql<string>`${snapshotReleased}`,
		})
		.from(userMedia)
		.innerJoin(media, eq(media.id, userMedia.mediaId))
		.where(where);
}

/** The page query of my list (built, not run), also what the query-plan test explains. */
export async function myEntriesPageQuery({ userId, spec }: { userId: string; spec: FilterSpec }) {
	const where = await entryFilters(userId, spec);
	const keys = sortKeysSql[spec.sort] ?? sortKeysSql.updated ?? [];
	const page = keyset(keys, sql`${userMedia.mediaId}`, spec.dir, decodeCursor(spec.after, keys));
	const query = pageQuery(and(...where, page.condition))
		.orderBy(...page.orderBy)
		.limit(spec.size + 1)
		.offset(page.condition ? 0 : (spec.page - 1) * spec.size);
	return { query, where, cursorOf: page.cursorOf };
}

/** Entries matching the filters, counted up to COUNT_CAP + 1 (any filter). */
async function countCapped(where: SQL[]): Promise<number> {
	const [{ n }] = await getDb()
		.select({ n: sql<number>`count(*)::int` })
		.from(
			sql`(${getDb()
				.select({ one: sql`1` })
				.from(userMedia)
				.innerJoin(media, eq(media.id, userMedia.mediaId))
				.where(and(...where))
				.limit(COUNT_CAP + 1)}) as capped`,
		);
	return n;
}

/**
 * The exact count from the person's totals (migrations/0006) when the spec filters only by status, type
 * or class (the unfiltered view included): a few rows, however many entries the person has. Null otherwise.
 */
function countFromTotals(userId: string, spec: FilterSpec): Promise<number> | null {
	const other =
		spec.q ||
		spec.franchise ||
		spec.country ||
		spec.creator ||
		spec.yearFrom !== null ||
		spec.yearTo !== null ||
		spec.ratingMin !== null ||
		spec.ratingMax !== null ||
		spec.startedFrom ||
		spec.startedTo ||
		spec.completedFrom ||
		spec.completedTo;
	if (other) return null;
	const where: SQL[] = [eq(userMediaTotals.userId, userId)];
	if (spec.status.length > 0) where.push(inArray(userMediaTotals.status, spec.status));
	if (spec.type.length > 0) where.push(inArray(userMediaTotals.mediaType, spec.type));
	if (spec.class) where.push(sql`${userMediaTotals.mediaClass} <@ ${spec.class}::ltree`);
	return getDb()
		.select({ n: sql<number>`coalesce(sum(${userMediaTotals.entries}), 0)::int` })
		.from(userMediaTotals)
		.where(and(...where))
		.then(([row]) => Number(row?.n ?? 0));
}

/**
 * One page of the person's entries for a filter spec: filters, sort and keyset paging in SQL, on the
 * person's own partition of user_media (user_id is named in every query).
 */
export async function listMyEntries({ userId, spec }: { userId: string; spec: FilterSpec }): Promise<EntryPage> {
	const { query, where, cursorOf } = await myEntriesPageQuery({ userId, spec });
	const [rows, n] = await Promise.all([query, countFromTotals(userId, spec) ?? countCapped(where)]);
	const nextCursor =
		rows.length > spec.size
			? cursorOf(rows[spec.size - 1] as unknown as Record<string, unknown>, rows[spec.size - 1].mediaId)
			: null;
	return {
		rows: rows
			.slice(0, spec.size)
			.map(({ titleKey: _t, typeKey: _k, statusRank: _s, updatedKey: _u, timeKey: _m, releasedKey: _r, ...row }) => ({
				...row,
				mediaType: row.mediaType as MediaType,
				creators: row.creators ?? [],
				progressTotal: row.progressTotal === null ? null : Number(row.progressTotal),
				minutesLeft: row.minutesLeft === null ? null : Number(row.minutesLeft),
				updatedAt: row.updatedAt.toISOString(),
			})),
		nextCursor,
		total: Math.min(n, COUNT_CAP),
		totalCapped: n > COUNT_CAP,
	};
}

export type EntrySummary = {
	byStatus: { status: EntryStatus; entries: number }[];
	minutesLeft: number;
	minutesSpent: number;
};

/**
 * Entries per status, the time still ahead (planning, in progress and paused) and the time spent
 * (completed works in full, the rest by their progress), from the person's totals (migrations/0006:
 * kept by a trigger on every entry write, so a heavy list costs the same as a light one).
 */
export async function summariseEntries({ userId }: { userId: string }): Promise<EntrySummary> {
	const rows = rowsOf<{ status: EntryStatus; entries: number; left: string | number; spent: string | number }>(
		await getDb().execute(sql`
			select status, sum(entries)::int as entries, sum(minutes_left)::bigint as left, sum(minutes_spent)::bigint as spent
			from interaction.user_media_totals
			where user_id = ${userId}
			group by status
			having sum(entries) > 0`),
	);
	const ahead = new Set<EntryStatus>(["planning", "in_progress", "paused"]);
	return {
		byStatus: rows.map((row) => ({ status: row.status, entries: Number(row.entries) })),
		minutesLeft: rows.filter((row) => ahead.has(row.status)).reduce((sum, row) => sum + Number(row.left), 0),
		minutesSpent: rows.reduce((sum, row) => sum + Number(row.spent), 0),
	};
}

/** The media-class tree with how many of the person's entries fall under each node (sidebar), from their totals. */
export async function getMyClassTree({ userId }: { userId: string }) {
	const rows = rowsOf<{ path: string; label: string; depth: number; count: number }>(
		await getDb().execute(sql`
			select c.path::text as path, c.label, nlevel(c.path) as depth, coalesce(sum(t.entries), 0)::int as count
			from media.media_classes c
			left join interaction.user_media_totals t on t.user_id = ${userId} and t.media_class <@ c.path
			group by c.path, c.label
			order by c.path`),
	);
	return rows.map((row) => ({ ...row, depth: Number(row.depth), count: Number(row.count) }));
}
