import { describe, expect, it } from "vitest";
import { openPglite } from "../../db/client.server";

// PGlite loads the .so of every extension at start. Loaded at once, one of ltree and pg_trgm came up
// half-linked on about every other start, and `%` then trapped inside PGlite (no rows, then a spinning
// server at the next error). openPglite loads them one after another; this starts new databases and
// checks both extensions answer correctly each time (the race showed on 2 to 5 starts in 10).
describe("embedded PGlite", () => {
	it("loads ltree and pg_trgm correctly on every start (6 new databases)", async () => {
		const results: { similar: boolean; within: boolean; score: number }[] = [];
		for (let start = 0; start < 6; start++) {
			const db = openPglite("memory://");
			await db.exec("create extension if not exists pg_trgm; create extension if not exists ltree;");
			const { rows } = await db.query<{ similar: boolean; within: boolean; score: number }>(`
				select 'cyberpnk'::text % 'cyberpunk'::text as similar,
				       'written.books.webnovel'::ltree <@ 'written'::ltree as within,
				       similarity('cyberpnk', 'cyberpunk') as score`);
			results.push(rows[0]);
			await db.close();
		}
		for (const result of results) {
			expect(result.similar).toBe(true);
			expect(result.within).toBe(true);
			expect(result.score).toBeGreaterThan(0.4);
		}
	});
});
