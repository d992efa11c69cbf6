import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { parseFilterSpec } from "~/lib/filter-spec";
import { listCatalog } from "~/models/catalog.server";
import { planSearch, tsqueryOf } from "~/models/catalog-search.server";
import { loader as catalogLoader } from "~/routes/catalog._index";
import { getConnection } from "../../db/client.server";
import { callRoute, queryRows } from "./helpers";

/** EXPLAIN text with sequential scans discouraged (the demo catalog is small enough to read whole). */
async function explainIndexed(query: ReturnType<typeof sql>): Promise<string> {
	const connection = getConnection();
	const text = (result: unknown) =>
		((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[])
			.map((row) => Object.values(row)[0])
			.join("\n");
	if (connection.driver === "postgres") {
		// A pool: SET and EXPLAIN must share one connection.
		const reserved = await connection.client.reserve();
		try {
			await reserved`set enable_seqscan = off`;
			return text(await reserved.unsafe(`explain ${toSqlText(query)}`));
		} finally {
			await reserved`reset enable_seqscan`;
			reserved.release();
		}
	}
	await connection.db.execute(sql`set enable_seqscan = off`);
	try {
		return text(await connection.db.execute(sql`explain ${query}`));
	} finally {
		await connection.db.execute(sql`reset enable_seqscan`);
	}
}

/** Inlines parameters: EXPLAIN of a query with literal values, for a raw connection. */
function toSqlText(query: ReturnType<typeof sql>): string {
	return new PgDialect().sqlToQuery(query.inlineParams()).sql;
}

const list = (query: string, userId: string | null = null) =>
	listCatalog({ spec: parseFilterSpec(new URLSearchParams(query)), userId });

describe("catalog search", () => {
	const typos: [string, RegExp][] = [
		["cyberpnk edgerunners", /^Cyberpunk: Edgerunners$/],
		["witcher wild hnt", /^The Witcher 3: Wild Hunt$/],
		["evangellion", /Evangelion/],
		["lord of the rigns", /^The Lord of the Rings/],
		["frieren beyond jorney", /^Frieren/],
	];
	for (const [typed, expected] of typos) {
		it(`"${typed}" finds the intended work first`, async () => {
			const page = await list(`q=${encodeURIComponent(typed)}`);
			expect(page.rows[0]?.title).toMatch(expected);
			expect(page.correctedQuery).not.toBeNull();
		});
	}

	it("suggests the word with the fewest typing edits, not only the most shared letters", async () => {
		// "dargon" shares more trigrams with "dark" (both in the catalog) but is one swap from "dragon".
		const plan = await planSearch("dargon");
		expect(plan.correctedText).toBe("dragon");
		const page = await list("q=dargon");
		expect(page.correctedQuery).toBe("dragon");
		expect(page.rows[0]?.title).toMatch(/dragon/i);
	});

	it("searches creators too, and a correctly spelled query is not 'corrected'", async () => {
		const page = await list("q=Sapkowski");
		expect(page.correctedQuery).toBeNull();
		expect(page.rows.length).toBeGreaterThanOrEqual(3);
		expect(
			page.rows.every((row) => row.creators.some((c) => c.includes("Sapkowski")) || /witcher/i.test(row.title)),
		).toBe(true);
	});

	it("uses the GIN index on search_vector", async () => {
		const plan = await planSearch("cyberpnk");
		expect(await explainIndexed(sql`select id from media.media where search_vector @@ ${tsqueryOf(plan)}`)).toContain(
			"media_search_idx",
		);
	});
});

describe("catalog filters run in SQL", () => {
	it("class browsing narrows by media_class <@ path, through the ltree index", async () => {
		const page = await list("class=written&size=100");
		expect(page.rows.length).toBeGreaterThan(0);
		expect(page.rows.every((row) => row.mediaClass.startsWith("written"))).toBe(true);
		const all = await list("size=100");
		expect(page.total).toBeLessThan(all.total);
		// Totals for a class alone (or none) come from the class tree: they match a count in SQL.
		const [counted] = await queryRows<{ written: number; all: number }>(sql`
			select count(*) filter (where media_class <@ 'written'::ltree)::int as written, count(*)::int as "all"
			from media.media`);
		expect(page.total).toBe(counted.written);
		expect(all.total).toBe(counted.all);
		// With another filter as well, the total is counted in SQL.
		const [books] = await queryRows<{ n: number }>(sql`
			select count(*)::int as n from media.media where media_class <@ 'written'::ltree and media_type = 'book'`);
		expect((await list("class=written&type=book")).total).toBe(books.n);
		expect(
			await explainIndexed(sql`select id from media.media where media_class <@ 'written.comics'::ltree`),
		).toContain("media_class_gist");
	});

	it("year range, creator, country, type and franchise each narrow the rows", async () => {
		const years = await list("yearFrom=1990&yearTo=1999&size=100");
		expect(years.rows.length).toBeGreaterThan(0);
		expect(
			years.rows.every((r) => r.releaseDate && r.releaseDate >= "1990-01-01" && r.releaseDate <= "1999-12-31"),
		).toBe(true);
		const creator = await list(`creator=${encodeURIComponent("Andrzej Sapkowski")}`);
		expect(creator.rows.length).toBeGreaterThan(0);
		expect(creator.rows.every((r) => r.creators.includes("Andrzej Sapkowski"))).toBe(true);
		const country = await list("country=pl&size=100");
		expect(country.rows.every((r) => r.countryOfOrigin === "PL")).toBe(true);
		const types = await list("type=album&type=podcast&size=100");
		expect(new Set(types.rows.map((r) => r.mediaType))).toEqual(new Set(["album", "podcast"]));
		const franchise = await list("franchise=dune&size=100");
		expect(new Set(franchise.rows.map((r) => r.mediaType)).size).toBeGreaterThanOrEqual(3);
		expect(franchise.total).toBe(
			(
				await queryRows<{ n: number }>(sql`select count(*)::int as n from media.media where collection_path <@ 'dune'`)
			)[0].n,
		);
	});

	it("sorts by year both ways and pages by key without repeating or skipping a work", async () => {
		const desc = await list("sort=year&size=25");
		const years = desc.rows.map((r) => r.releaseDate ?? "");
		expect([...years].sort().reverse()).toEqual(years);
		const asc = await list("sort=year&dir=asc&size=25");
		expect(asc.rows[0].releaseDate && asc.rows[0].releaseDate <= (desc.rows.at(-1)?.releaseDate ?? "")).toBe(true);
		const seen = new Set<string>();
		let after: string | null = null;
		let pages = 0;
		do {
			const page = await list(`sort=year&size=100${after ? `&after=${after}` : ""}`);
			for (const row of page.rows) {
				expect(seen.has(row.id)).toBe(false);
				seen.add(row.id);
			}
			after = page.nextCursor;
			pages++;
		} while (after && pages < 20);
		const [{ n }] = await queryRows<{ n: number }>(sql`select count(*)::int as n from media.media`);
		expect(seen.size).toBe(n);
	});

	it("garbage in every parameter gives the default page, never an error", async () => {
		const garbage = [
			"class=..",
			"class=';drop table media.media;--",
			`q=${"z".repeat(500)}`,
			"q=%00%01",
			"q=%22unclosed",
			"q=-",
			"type=<script>&sort=../../etc&dir=up",
			"yearFrom=1e400&yearTo=-1",
			"after=not-a-cursor",
			`after=${Buffer.from('["x","not-a-uuid"]').toString("base64url")}`,
			`after=${Buffer.from('["2024-13-45","00000000-0000-0000-0000-000000000000"]').toString("base64url")}&sort=year`,
			"page=99999&size=-3",
			"cols=&ratingMin=abc&list=all&status=bogus",
			"creator=%E2%80%AE&country=%F0%9F%98%80&franchise=..",
		];
		for (const query of garbage) {
			const result = await callRoute(catalogLoader, { url: `http://localhost/catalog?${query}` });
			expect(result.status, query).toBe(200);
		}
	});
});
