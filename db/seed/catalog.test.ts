import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mediaTypes } from "../schema/columns";
import { CatalogError, loadDemoCatalog, releaseDateOf } from "./catalog";
import { stableId } from "./ids";

const { works, collections } = loadDemoCatalog();

describe("bundled demo catalog", () => {
	it("has at least 400 works covering all eleven media types", () => {
		expect(works.length).toBeGreaterThanOrEqual(400);
		const types = new Set(works.map((work) => work.type));
		expect([...types].sort()).toEqual([...mediaTypes].sort());
		for (const type of mediaTypes) expect(works.filter((w) => w.type === type).length).toBeGreaterThanOrEqual(20);
	});

	it("has at least eight franchises that cross media types, all labelled", () => {
		const typesByRoot = new Map<string, Set<string>>();
		for (const work of works) {
			if (!work.franchise) continue;
			const root = work.franchise.split(".")[0];
			typesByRoot.set(root, (typesByRoot.get(root) ?? new Set()).add(work.type));
		}
		const crossing = [...typesByRoot].filter(([, types]) => types.size >= 2).map(([root]) => root);
		expect(crossing.length).toBeGreaterThanOrEqual(8);
		for (const root of crossing) expect(collections[root]).toBeTruthy();
	});

	it("gives every work a distinct stable id", () => {
		const ids = new Set(works.map((work) => stableId(work.key)));
		expect(ids.size).toBe(works.length);
	});

	it("never gives two works the same external id", () => {
		const seen = new Map<string, string>();
		for (const work of works) {
			for (const [source, key] of Object.entries(work.external ?? {})) {
				const id = `${source}:${key}`;
				expect(seen.get(id), `${id} on ${work.key} and ${seen.get(id)}`).toBeUndefined();
				seen.set(id, work.key);
			}
		}
	});
});

describe("loadDemoCatalog validation", () => {
	function catalogWith(work: Record<string, unknown>) {
		const dir = mkdtempSync(path.join(tmpdir(), "omt-catalog-"));
		writeFileSync(path.join(dir, "collections.json"), JSON.stringify({ dune: "Dune" }));
		writeFileSync(path.join(dir, `${work.type}.json`), JSON.stringify([work]));
		return dir;
	}
	const valid = {
		key: "book-dune-1965",
		type: "book",
		class: "written.books",
		title: "Dune",
		releaseDate: "1965-08",
		country: "US",
		creators: ["Frank Herbert"],
		attributes: { pages: 412 },
		franchise: "dune.novels.dune",
	};

	function problemsOf(dir: string): string {
		try {
			loadDemoCatalog(dir);
		} catch (error) {
			expect(error).toBeInstanceOf(CatalogError);
			return (error as Error).message;
		}
		throw new Error("expected the catalog to be rejected");
	}

	it("reports a wrong class, bad attributes and an impossible date", () => {
		const message = problemsOf(
			catalogWith({
				...valid,
				class: "video.film",
				releaseDate: "1965-02-30",
				attributes: { pages: -1, runtime_min: 5 },
			}),
		);
		expect(message).toContain("book belongs in written.books");
		expect(message).toContain("releaseDate: not a calendar date");
		expect(message).toContain("attributes.pages");
		expect(message).toContain("runtime_min");
	});

	it("reports franchise nodes that have no label", () => {
		expect(problemsOf(catalogWith(valid))).toContain("franchise node dune.novels has no label");
	});

	it("keeps month precision of partial dates", () => {
		const { works } = loadDemoCatalog(catalogWith({ ...valid, franchise: undefined }));
		expect(releaseDateOf(works[0])).toEqual({ date: "1965-08-01", precision: "month" });
	});
});

describe("stableId", () => {
	it("is a deterministic RFC 4122 version 5 uuid", () => {
		const id = stableId("movie-star-wars-1977");
		expect(id).toBe(stableId("movie-star-wars-1977"));
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(stableId("movie-star-wars-1980")).not.toBe(id);
	});
});
