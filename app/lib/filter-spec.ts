import { z } from "zod";
import { entryStatuses, type MediaType, mediaTypes } from "../../db/schema/columns";

/**
 * The one filter spec of catalog and list URLs (DESIGN "Pages and their contracts"), also stored as a
 * smart list's filter_definition. Every parameter is parsed on its own: an invalid or unknown value
 * falls back to its default and never fails the page.
 */

export const sortKeys = ["relevance", "title", "year", "type", "rating", "popularity", "time", "country"] as const;
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
] as const;
export type ColumnKey = (typeof columnKeys)[number];
export const defaultColumns: ColumnKey[] = ["title", "type", "year", "creators", "country", "time", "rating"];

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
};

export type FilterSpec = {
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
	list: "in" | "out" | null;
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
	list: optional(z.enum(["in", "out"])),
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

/** Reads a filter spec from URL parameters (or a stored smart-list definition turned into them). */
export function parseFilterSpec(params: URLSearchParams): FilterSpec {
	const get = (key: keyof typeof single) => {
		const value = params.get(key);
		return value === null || value === "" ? null : value;
	};
	const q = single.q.parse(get("q"));
	const sort = single.sort.parse(get("sort")) ?? (q ? "relevance" : "title");
	const effectiveSort: SortKey = sort === "relevance" && !q ? "title" : sort;
	const colsParam = params.get("cols");
	const cols = colsParam === null ? defaultColumns : pick(colsParam.split(",").slice(0, 20), columnKeys);
	let yearFrom = single.yearFrom.parse(get("yearFrom"));
	let yearTo = single.yearTo.parse(get("yearTo"));
	if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
	let ratingMin = single.ratingMin.parse(get("ratingMin"));
	let ratingMax = single.ratingMax.parse(get("ratingMax"));
	if (ratingMin !== null && ratingMax !== null && ratingMin > ratingMax)
		[ratingMin, ratingMax] = [ratingMax, ratingMin];
	return {
		q,
		class: single.class.parse(get("class")),
		type: pick(params.getAll("type").slice(0, 20), mediaTypes),
		status: pick(params.getAll("status").slice(0, 10), entryStatuses),
		yearFrom,
		yearTo,
		country: single.country.parse(get("country")),
		creator: single.creator.parse(get("creator")),
		franchise: single.franchise.parse(get("franchise")),
		ratingMin,
		ratingMax,
		list: single.list.parse(get("list")),
		sort: effectiveSort,
		dir: single.dir.parse(get("dir")) ?? defaultDirection[effectiveSort],
		cols: cols.length > 0 ? cols : defaultColumns,
		page: single.page.parse(get("page") ?? 1),
		after: single.after.parse(get("after")),
		size: single.size.parse(get("size") ?? 50),
	};
}

/** Writes a spec back to URL parameters, leaving out defaults so URLs stay short and stable. */
export function serializeFilterSpec(spec: FilterSpec): URLSearchParams {
	const params = new URLSearchParams();
	if (spec.q) params.set("q", spec.q);
	if (spec.class) params.set("class", spec.class);
	for (const type of spec.type) params.append("type", type);
	for (const status of spec.status) params.append("status", status);
	if (spec.yearFrom !== null) params.set("yearFrom", String(spec.yearFrom));
	if (spec.yearTo !== null) params.set("yearTo", String(spec.yearTo));
	if (spec.country) params.set("country", spec.country);
	if (spec.creator) params.set("creator", spec.creator);
	if (spec.franchise) params.set("franchise", spec.franchise);
	if (spec.ratingMin !== null) params.set("ratingMin", String(spec.ratingMin));
	if (spec.ratingMax !== null) params.set("ratingMax", String(spec.ratingMax));
	if (spec.list) params.set("list", spec.list);
	const naturalSort = spec.q ? "relevance" : "title";
	if (spec.sort !== naturalSort) params.set("sort", spec.sort);
	if (spec.dir !== defaultDirection[spec.sort]) params.set("dir", spec.dir);
	if (spec.cols.join(",") !== defaultColumns.join(",")) params.set("cols", spec.cols.join(","));
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

/** How many filters narrow the results (the `.filter-status` badge). */
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
		spec.list,
	].filter((value) => value !== null && value !== undefined).length;
}

/** The spec with every filter removed, keeping the view (columns, sort, page size). */
export function clearedFilters(spec: FilterSpec): FilterSpec {
	const sort = spec.sort === "relevance" ? "title" : spec.sort;
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
		list: null,
		sort,
		dir: spec.sort === "relevance" ? defaultDirection[sort] : spec.dir,
		page: 1,
		after: null,
	};
}
