import { describe, expect, it } from "vitest";
import {
	activeFilterCount,
	clearedFilters,
	defaultColumns,
	parseFilterSpec,
	serializeFilterSpec,
	specHref,
} from "./filter-spec";

const parse = (query: string) => parseFilterSpec(new URLSearchParams(query));

describe("filter spec", () => {
	it("has working defaults for an empty query", () => {
		expect(parse("")).toMatchObject({
			q: null,
			type: [],
			sort: "title",
			dir: "asc",
			cols: defaultColumns,
			page: 1,
			size: 50,
		});
		expect(serializeFilterSpec(parse("")).toString()).toBe("");
	});

	it("reads every parameter of the contract", () => {
		const spec = parse(
			"q=dune&class=written.books&type=book&type=movie&status=completed&yearFrom=1960&yearTo=1990&country=us&creator=Frank%20Herbert&franchise=dune&ratingMin=70&ratingMax=100&list=in&sort=year&dir=asc&cols=title,year&size=25&page=3",
		);
		expect(spec).toEqual({
			scope: "catalog",
			q: "dune",
			class: "written.books",
			type: ["book", "movie"],
			status: ["completed"],
			yearFrom: 1960,
			yearTo: 1990,
			country: "US",
			creator: "Frank Herbert",
			franchise: "dune",
			ratingMin: 70,
			ratingMax: 100,
			startedFrom: null,
			startedTo: null,
			completedFrom: null,
			completedTo: null,
			list: "in",
			sort: "year",
			dir: "asc",
			cols: ["title", "year"],
			page: 3,
			after: null,
			size: 25,
		});
		expect(activeFilterCount(spec)).toBe(10);
		expect(parseFilterSpec(serializeFilterSpec(spec))).toEqual(spec);
	});

	it("falls back to defaults for garbage, never throwing", () => {
		const garbage = [
			"class=..",
			"class=written..books",
			"class=%27%3B%20drop%20table",
			`q=${"x".repeat(5000)}`,
			"q=%00",
			"type=vinyl&type=<script>",
			"yearFrom=abc&yearTo=99999",
			"country=USA",
			"ratingMin=-5&ratingMax=1e9",
			"sort=price&dir=sideways",
			"cols=title,password",
			"page=-1&size=7",
			"after=%E2%80%AE",
			"list=maybe",
		];
		for (const query of garbage) {
			const spec = parse(query);
			expect(activeFilterCount(spec), query).toBe(0);
			expect(spec.sort).toBe("title");
			expect(spec.page).toBe(1);
			expect(spec.size).toBe(50);
		}
		expect(parse("cols=title,password").cols).toEqual(["title"]);
	});

	it("orders swapped ranges and sorts by relevance only when searching", () => {
		expect(parse("yearFrom=2000&yearTo=1990")).toMatchObject({ yearFrom: 1990, yearTo: 2000 });
		expect(parse("q=witcher").sort).toBe("relevance");
		expect(parse("sort=relevance").sort).toBe("title");
	});

	it("builds links that restart paging when the view changes, and clears filters but not the view", () => {
		const spec = parse("type=book&sort=year&page=4");
		expect(specHref("/catalog", spec, { sort: "title", dir: "asc" })).toBe("/catalog?type=book");
		expect(specHref("/catalog", spec, { page: 5 })).toBe("/catalog?type=book&sort=year&page=5");
		expect(serializeFilterSpec(clearedFilters(spec)).toString()).toBe("sort=year");
	});

	it("reads my list's own parameters in the lists scope, and only there", () => {
		const query =
			"status=completed&ratingMin=80&startedFrom=2024-01-01&startedTo=2023-01-01&completedFrom=2024-02-29&sort=progress&list=in";
		const mine = parseFilterSpec(new URLSearchParams(query), "lists");
		expect(mine).toMatchObject({
			scope: "lists",
			status: ["completed"],
			ratingMin: 80,
			startedFrom: "2023-01-01",
			startedTo: "2024-01-01",
			completedFrom: "2024-02-29",
			list: null,
			sort: "progress",
			dir: "desc",
			cols: ["title", "type", "status", "progress", "rating", "time", "updated"],
		});
		expect(activeFilterCount(mine)).toBe(4);
		expect(parseFilterSpec(serializeFilterSpec(mine), "lists")).toEqual(mine);
		const catalog = parseFilterSpec(new URLSearchParams(query));
		expect(catalog).toMatchObject({ startedFrom: null, completedFrom: null, list: "in", sort: "title" });
		expect(parseFilterSpec(new URLSearchParams("sort=popularity&completedTo=2023-02-30"), "lists")).toMatchObject({
			sort: "updated",
			dir: "desc",
			completedTo: null,
		});
		expect(parseFilterSpec(new URLSearchParams("q=dune"), "lists").sort).toBe("updated");
		expect(parseFilterSpec(new URLSearchParams("cols=title,notes,creators"), "lists").cols).toEqual([
			"title",
			"notes",
			"creators",
		]);
		expect(parseFilterSpec(new URLSearchParams("cols=title,notes"), "catalog").cols).toEqual(["title"]);
	});

	it("reads my reviews' parameters in the reviews scope: spoiler there only, no statuses or list filter", () => {
		const query = "spoiler=yes&type=movie&ratingMin=60&status=completed&list=in&sort=rating&cols=title,review,spoiler";
		const mine = parseFilterSpec(new URLSearchParams(query), "reviews");
		expect(mine).toMatchObject({
			scope: "reviews",
			spoiler: "yes",
			type: ["movie"],
			ratingMin: 60,
			status: [],
			list: null,
			sort: "rating",
			dir: "desc",
			cols: ["title", "review", "spoiler"],
		});
		expect(activeFilterCount(mine)).toBe(3);
		expect(parseFilterSpec(serializeFilterSpec(mine), "reviews")).toEqual(mine);
		expect(serializeFilterSpec(clearedFilters(mine)).toString()).toBe("sort=rating&cols=title%2Creview%2Cspoiler");
		expect(parseFilterSpec(new URLSearchParams(query))).not.toHaveProperty("spoiler");
		expect(parseFilterSpec(new URLSearchParams("spoiler=maybe&sort=progress"), "reviews")).toMatchObject({
			spoiler: null,
			sort: "updated",
			dir: "desc",
		});
	});
});
