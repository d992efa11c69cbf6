import { z } from "zod";
import { entryStatuses, type MediaType, mediaTypes } from "../../db/schema/columns";

/**
 * The one filter spec of catalog and list URLs (DESIGN "Pages and their contracts"), also stored as a
 * smart list's filter_definition. Every parameter is parsed on its own: an invalid or unknown value
 * falls back to its default and never fails the page.
 */

/** The parameters that narrow results (the rest of a spec is the view: sort, columns, paging). */
export const filterKeys = [
	"q",
	"class",
	"type",
	"status",
	"yearFrom",
	"yearTo",
	"country",
	"creator",
	"franchise",
	"ratingMin",
	"ratingMax",
	"startedFrom",
	"startedTo",
	"completedFrom",
	"completedTo",
	"list",
	"spoiler",
] as const;

/**
 * A spec is read for one of three views: the catalog (all works), my list (the person's entries) or
 * my reviews. Smart lists are saved from the first two, which `scopes` names.
 */
export const scopes = ["catalog", "lists"] as const;
export const viewScopes = [...scopes, "reviews"] as const;
export type Scope = (typeof viewScopes)[number];

export const sortKeys = [
	"relevance",
	"title",
	"year",
	"type",
	"rating",
	"popularity",
	"time",
	"country",
	"status",
	"progress",
	"updated",
	"started",
	"completed",
] as const;
export type SortKey = (typeof sortKeys)[number];

export const columnKeys = [
	"title",
	"type",
	"class",
	"year",
	"creators",
	"country",
	"time",
	"rating",
	"status",
	"progress",
	"updated",
	"started",
	"completed",
	"notes",
	"review",
	"spoiler",
] as const;
export type ColumnKey = (typeof columnKeys)[number];

/**
 * What each view offers. In my list, `rating` is my own rating and `time` the time left; in the catalog
 * they are the community rating and the whole work's time.
 */
export const scopeConfig: Record<
	Scope,
	{ sorts: readonly SortKey[]; columns: readonly ColumnKey[]; defaultColumns: ColumnKey[]; defaultSort: SortKey }
> = {
	catalog: {
		sorts: ["relevance", "title", "year", "type", "rating", "popularity", "time", "country"],
		columns: ["title", "type", "class", "year", "creators", "country", "time", "rating", "status"],
		defaultColumns: ["title", "type", "year", "creators", "country", "time", "rating"],
		defaultSort: "title",
	},
	lists: {
		sorts: ["title", "type", "status", "progress", "rating", "updated", "started", "completed", "time", "year"],
		columns: [
			"title",
			"type",
			"class",
			"year",
			"creators",
			"country",
			"status",
			"progress",
			"rating",
			"time",
			"updated",
			"started",
			"completed",
			"notes",
		],
		defaultColumns: ["title", "type", "status", "progress", "rating", "time", "updated"],
		defaultSort: "updated",
	},
	reviews: {
		sorts: ["updated", "rating", "title"],
		columns: ["title", "type", "review", "rating", "spoiler", "updated"],
		defaultColumns: ["title", "type", "review", "rating", "spoiler", "updated"],
		defaultSort: "updated",
	},
};
/** The catalog's default columns (kept as a name of its own: the saved-view code reads it). */
export const defaultColumns: ColumnKey[] = scopeConfig.catalog.defaultColumns;

export const pageSizes = [25, 50, 100] as const;
const MAX_PAGE = 200;

const noControl = /^[^\u0000-\u001f\u007f]*$/;
const ltreePath = /^[a-z0-9_]{1,64}(\.[a-z0-9_]{1,64}){0,9}$/;

/** Default direction of each sort: names A→Z, numbers and dates high/new first, time short first. */
export const defaultDirection: Record<SortKey, "asc" | "desc"> = {
	relevance: "desc",
	title: "asc",
	year: "desc",
	type: "asc",
	rating: "desc",
	popularity: "desc",
	time: "asc",
	country: "asc",
	status: "asc",
	progress: "desc",
	updated: "desc",
	started: "desc",
	completed: "desc",
};

export type FilterSpec = {
	scope: Scope;
	q: string | null;
	class: string | null;
	type: MediaType[];
	status: (typeof entryStatuses)[number][];
	yearFrom: number | null;
	yearTo: number | null;
	country: string | null;
	creator: string | null;
	franchise: string | null;
	ratingMin: number | null;
	ratingMax: number | null;
	startedFrom: string | null;
	startedTo: string | null;
	completedFrom: string | null;
	completedTo: string | null;
	list: "in" | "out" | null;
	/** My reviews only: with or without spoilers (absent in the other views). */
	spoiler?: "yes" | "no" | null;
	sort: SortKey;
	dir: "asc" | "desc";
	cols: ColumnKey[];
	page: number;
	after: string | null;
	size: (typeof pageSizes)[number];
};

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().catch(null);
const year = z.coerce.number().int().min(1000).max(2100);
const rating = z.coerce.number().int().min(0).max(100);
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value));

const single = {
	q: optional(
		z
			.string()
			.trim()
			.max(200)
			.regex(noControl)
			.transform((q) => q || null),
	),
	class: optional(z.string().max(255).regex(ltreePath)),
	yearFrom: optional(year),
	yearTo: optional(year),
	country: optional(
		z
			.string()
			.trim()
			.transform((c) => c.toUpperCase())
			.pipe(z.string().regex(/^[A-Z]{2}$/)),
	),
	creator: optional(z.string().trim().min(1).max(120).regex(noControl)),
	franchise: optional(z.string().max(255).regex(ltreePath)),
	ratingMin: optional(rating),
	ratingMax: optional(rating),
	startedFrom: optional(day),
	startedTo: optional(day),
	completedFrom: optional(day),
	completedTo: optional(day),
	list: optional(z.enum(["in", "out"])),
	spoiler: optional(z.enum(["yes", "no"])),
	sort: z.enum(sortKeys).nullable().catch(null),
	dir: z.enum(["asc", "desc"]).nullable().catch(null),
	page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
	after: optional(
		z
			.string()
			.max(300)
			.regex(/^[A-Za-z0-9_-]+$/),
	),
	size: z.coerce
		.number()
		.refine((n): n is (typeof pageSizes)[number] => (pageSizes as readonly number[]).includes(n))
		.catch(50),
};

function pick<T extends string>(values: string[], allowed: readonly T[]): T[] {
	return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

/**
 * The columns form posts one `col` per box (it works without JavaScript); the canonical URL has
 * `cols=a,b`. Returns where to redirect, or null when the URL is already canonical.
 */
export function canonicalColumnsHref(url: URL): string | null {
	if (!url.searchParams.has("col")) return null;
	const params = new URLSearchParams(url.searchParams);
	const cols = params.getAll("col");
	params.delete("col");
	params.set("cols", cols.join(","));
	return `${url.pathname}?${params}`;
}

/** The sort a view falls back to: relevance for a catalog search, else the view's own default. */
export function naturalSort(scope: Scope, q: string | null): SortKey {
	return scope === "catalog" && q ? "relevance" : scopeConfig[scope].defaultSort;
}

function ordered<T extends string | number>(from: T | null, to: T | null): [T | null, T | null] {
	return from !== null && to !== null && from > to ? [to, from] : [from, to];
}

/** Reads a filter spec from URL parameters (or a stored smart-list definition turned into them). */
export function parseFilterSpec(params: URLSearchParams, scope: Scope = "catalog"): FilterSpec {
	const config = scopeConfig[scope];
	const get = (key: keyof typeof single) => {
		const value = params.get(key);
		return value === null || value === "" ? null : value;
	};
	const q = single.q.parse(get("q"));
	const asked = single.sort.parse(get("sort"));
	const sort = asked && config.sorts.includes(asked) && (asked !== "relevance" || q) ? asked : naturalSort(scope, q);
	const colsParam = params.get("cols");
	const cols = colsParam === null ? config.defaultColumns : pick(colsParam.split(",").slice(0, 20), config.columns);
	const [yearFrom, yearTo] = ordered(single.yearFrom.parse(get("yearFrom")), single.yearTo.parse(get("yearTo")));
	const [ratingMin, ratingMax] = ordered(
		single.ratingMin.parse(get("ratingMin")),
		single.ratingMax.parse(get("ratingMax")),
	);
	const [startedFrom, startedTo] = ordered(
		single.startedFrom.parse(get("startedFrom")),
		single.startedTo.parse(get("startedTo")),
	);
	const [completedFrom, completedTo] = ordered(
		single.completedFrom.parse(get("completedFrom")),
		single.completedTo.parse(get("completedTo")),
	);
	const inList = scope === "lists";
	return {
		scope,
		q,
		class: single.class.parse(get("class")),
		type: pick(params.getAll("type").slice(0, 20), mediaTypes),
		status: scope === "reviews" ? [] : pick(params.getAll("status").slice(0, 10), entryStatuses),
		yearFrom,
		yearTo,
		country: single.country.parse(get("country")),
		creator: single.creator.parse(get("creator")),
		franchise: single.franchise.parse(get("franchise")),
		ratingMin,
		ratingMax,
		startedFrom: inList ? startedFrom : null,
		startedTo: inList ? startedTo : null,
		completedFrom: inList ? completedFrom : null,
		completedTo: inList ? completedTo : null,
		list: scope === "catalog" ? single.list.parse(get("list")) : null,
		...(scope === "reviews" ? { spoiler: single.spoiler.parse(get("spoiler")) } : {}),
		sort,
		dir: single.dir.parse(get("dir")) ?? defaultDirection[sort],
		cols: cols.length > 0 ? cols : config.defaultColumns,
		page: single.page.parse(get("page") ?? 1),
		after: single.after.parse(get("after")),
		size: single.size.parse(get("size") ?? 50),
	};
}

/** The filters of a spec as [name, value] pairs (no view settings), in URL order. */
export function filterParams(spec: FilterSpec): [string, string][] {
	const pairs: [string, string][] = [];
	const add = (key: string, value: string | number | null) => {
		if (value !== null && value !== "") pairs.push([key, String(value)]);
	};
	add("q", spec.q);
	add("class", spec.class);
	for (const type of spec.type) pairs.push(["type", type]);
	for (const status of spec.status) pairs.push(["status", status]);
	add("yearFrom", spec.yearFrom);
	add("yearTo", spec.yearTo);
	add("country", spec.country);
	add("creator", spec.creator);
	add("franchise", spec.franchise);
	add("ratingMin", spec.ratingMin);
	add("ratingMax", spec.ratingMax);
	add("startedFrom", spec.startedFrom);
	add("startedTo", spec.startedTo);
	add("completedFrom", spec.completedFrom);
	add("completedTo", spec.completedTo);
	add("list", spec.list);
	add("spoiler", spec.spoiler ?? null);
	return pairs;
}

/** Writes a spec back to URL parameters, leaving out defaults so URLs stay short and stable. */
export function serializeFilterSpec(spec: FilterSpec): URLSearchParams {
	const params = new URLSearchParams(filterParams(spec));
	const config = scopeConfig[spec.scope];
	if (spec.sort !== naturalSort(spec.scope, spec.q)) params.set("sort", spec.sort);
	if (spec.dir !== defaultDirection[spec.sort]) params.set("dir", spec.dir);
	if (spec.cols.join(",") !== config.defaultColumns.join(",")) params.set("cols", spec.cols.join(","));
	if (spec.size !== 50) params.set("size", String(spec.size));
	if (spec.after) params.set("after", spec.after);
	else if (spec.page > 1) params.set("page", String(spec.page));
	return params;
}

/** A URL query for the spec with some fields changed; any change of what is shown restarts paging. */
export function specHref(pathname: string, spec: FilterSpec, change: Partial<FilterSpec> = {}): string {
	const keepsPage = Object.keys(change).every((key) => key === "page" || key === "after");
	const next = { ...spec, ...(keepsPage ? {} : { page: 1, after: null }), ...change };
	const query = serializeFilterSpec(next).toString();
	return query ? `${pathname}?${query}` : pathname;
}

/** How many filters narrow the results (the `.filter-status` badge); a range counts once. */
export function activeFilterCount(spec: FilterSpec): number {
	return [
		spec.q,
		spec.class,
		spec.type.length > 0 ? spec.type : null,
		spec.status.length > 0 ? spec.status : null,
		spec.yearFrom ?? spec.yearTo,
		spec.country,
		spec.creator,
		spec.franchise,
		spec.ratingMin ?? spec.ratingMax,
		spec.startedFrom ?? spec.startedTo,
		spec.completedFrom ?? spec.completedTo,
		spec.list,
		spec.spoiler,
	].filter((value) => value !== null && value !== undefined).length;
}

/** The spec with every filter removed, keeping the view (columns, sort, page size). */
export function clearedFilters(spec: FilterSpec): FilterSpec {
	const sort = spec.sort === "relevance" ? naturalSort(spec.scope, null) : spec.sort;
	return {
		...spec,
		q: null,
		class: null,
		type: [],
		status: [],
		yearFrom: null,
		yearTo: null,
		country: null,
		creator: null,
		franchise: null,
		ratingMin: null,
		ratingMax: null,
		startedFrom: null,
		startedTo: null,
		completedFrom: null,
		completedTo: null,
		list: null,
		...(spec.scope === "reviews" ? { spoiler: null } : {}),
		sort,
		dir: spec.sort === "relevance" ? defaultDirection[sort] : spec.dir,
		page: 1,
		after: null,
	};
}
