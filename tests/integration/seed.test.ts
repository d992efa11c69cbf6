import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { mediaTypes } from "../../db/schema/columns";
import { loadDemoCatalog } from "../../db/seed/catalog";
import { stableId } from "../../db/seed/ids";
import { countWorks, lastDemoImport, seedDemoCatalog } from "../../db/seed/index";

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	const result = await getDb().execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function tableCounts() {
	const [counts] = await rows<Record<string, number>>(sql`
		select (select count(*)::int from media.media) as media,
		       (select count(*)::int from media.media_stats) as stats,
		       (select count(*)::int from media.external_links) as links,
		       (select count(*)::int from media.collections) as collections,
		       (select count(*)::int from media.media_classes) as classes`);
	return counts;
}

describe("demo catalog seed", () => {
	it("loads every work of the bundled catalog across all eleven media types", async () => {
		const { works } = loadDemoCatalog();
		expect(await countWorks()).toBe(works.length);
		expect(works.length).toBeGreaterThanOrEqual(400);
		const types = await rows<{ media_type: string }>(sql`select distinct media_type from media.media order by 1`);
		expect(types.map((t) => t.media_type)).toEqual([...mediaTypes].sort());
	});

	it("is idempotent: a second run changes no counts and records another import job", async () => {
		const before = await tableCounts();
		const report = await seedDemoCatalog();
		expect(await tableCounts()).toEqual(before);
		expect(report.works).toBe(before.media);
		expect(before.stats).toBe(before.media);
		const job = await lastDemoImport();
		expect(job).toMatchObject({ status: "succeeded", stats: { works: before.media } });
	});

	it("stores the facts of a known work, its external ids and its franchise", async () => {
		const id = stableId("movie-star-wars-1977");
		const [work] = await rows<Record<string, unknown>>(sql`
			select title, media_type, media_class::text, release_date::text, country_of_origin, creators,
			       attributes ->> 'runtime_min' as runtime, collection_path::text
			from media.media where id = ${id}`);
		expect(work).toMatchObject({
			media_type: "movie",
			media_class: "video.film",
			release_date: "1977-05-25",
			country_of_origin: "US",
			creators: ["George Lucas"],
			runtime: "121",
		});
		expect(work.collection_path).toMatch(/^starwars\./);
		const links = await rows<{ source_name: string; external_key: string }>(sql`
			select source_name, external_key from media.external_links where media_id = ${id}`);
		expect(links).toContainEqual({ source_name: "imdb", external_key: "tt0076759" });
	});

	it("has franchises that cross media types, browsable with ltree", async () => {
		const franchises = await rows<{ root: string; types: number }>(sql`
			select subpath(collection_path, 0, 1)::text as root, count(distinct media_type)::int as types
			from media.media where collection_path is not null group by 1 having count(distinct media_type) >= 2`);
		expect(franchises.length).toBeGreaterThanOrEqual(8);
		const names = franchises.map((f) => f.root);
		for (const root of ["starwars", "witcher", "dune", "pokemon", "middle_earth", "batman"]) {
			expect(names).toContain(root);
		}
		const [starWars] = await rows<{ types: number }>(sql`
			select count(distinct media_type)::int as types from media.media where collection_path <@ 'starwars'`);
		expect(starWars.types).toBeGreaterThanOrEqual(4);
		const [labels] = await rows<{ missing: number }>(sql`
			select count(*)::int as missing from media.media m
			cross join lateral generate_series(1, nlevel(m.collection_path) - 1) depth
			where m.collection_path is not null
			  and not exists (select 1 from media.collections c where c.path = subpath(m.collection_path, 0, depth))`);
		expect(labels.missing).toBe(0);
	});

	it("classifies works in the media-class tree", async () => {
		const [written] = await rows<{ types: string[] }>(sql`
			select array_agg(distinct media_type order by media_type) as types from media.media where media_class <@ 'written'`);
		expect(written.types).toEqual(["book", "graphic_novel", "manga", "webnovel"]);
		const byCreator = await rows<{ title: string }>(sql`
			select title from media.media where search_vector @@ websearch_to_tsquery('english', 'Sapkowski')`);
		expect(byCreator.map((row) => row.title)).toContain("The Last Wish");
	});
});
