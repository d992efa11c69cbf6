import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as catalogAction, loader as catalogLoader } from "~/routes/catalog._index";
import { action as workAction, loader as workLoader } from "~/routes/catalog.$mediaId";
import { action as registerAction } from "~/routes/register";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

type WorkData = {
	work: {
		title: string;
		franchise: { breadcrumbs: { label: string }[]; works: { mediaType: string; releaseDate: string | null }[] } | null;
		links: { source: string; key: string }[];
		estimatedMinutes: number | null;
	};
	entry: { status: string } | null;
};

const dune2021 = stableId("movie-dune-2021");

describe("/catalog/:mediaId", () => {
	it("shows a work with its franchise across at least three media types, in release order", async () => {
		const result = await callRoute(workLoader, {
			params: { mediaId: dune2021 },
			url: `http://localhost/catalog/${dune2021}`,
		});
		expect(result.status).toBe(200);
		const { work } = result.body as WorkData;
		expect(work.title).toBe("Dune");
		expect(work.estimatedMinutes).toBe(155);
		const franchise = work.franchise;
		expect(franchise?.breadcrumbs[0].label).toBe("Dune");
		expect(franchise?.breadcrumbs.at(-1)?.label).toBe("Dune");
		const types = new Set(franchise?.works.map((w) => w.mediaType));
		expect(types.size).toBeGreaterThanOrEqual(3);
		const dates = franchise?.works.map((w) => w.releaseDate ?? "9999") ?? [];
		expect([...dates].sort()).toEqual(dates);
	});

	it("answers 404 for an unknown or malformed id", async () => {
		for (const mediaId of [
			"00000000-0000-4000-8000-000000000000",
			"not-a-uuid",
			"'; drop table media.media; --",
			"1".repeat(500),
		]) {
			const result = await callRoute(workLoader, { params: { mediaId }, url: "http://localhost/catalog/x" });
			expect(result.status, mediaId).toBe(404);
		}
	});
});

describe("adding a work", () => {
	it("from the catalog: back to the same filtered URL, row in the list, counter up by one, once", async () => {
		const cookie = cookiesFrom(await callRoute(registerAction, { form: newPerson() }));
		const returnTo = "/catalog?class=video&sort=year&yearFrom=2010";
		const [before] = await queryRows<{ n: number }>(
			sql`select tracking_count as n from media.media_stats where media_id = ${dune2021}`,
		);
		const added = await callRoute(catalogAction, {
			cookie,
			form: { intent: "add", mediaId: dune2021, status: "planning", returnTo },
		});
		expect(added.status).toBe(302);
		expect(added.location).toBe(returnTo);
		const again = await callRoute(catalogAction, {
			cookie,
			form: { intent: "add", mediaId: dune2021, status: "completed", returnTo },
		});
		expect(again.location).toBe(returnTo);
		const [after] = await queryRows<{ n: number }>(
			sql`select tracking_count as n from media.media_stats where media_id = ${dune2021}`,
		);
		expect(after.n).toBe(before.n + 1);
		const page = await callRoute(catalogLoader, { cookie, url: `http://localhost${returnTo}&q=dune` });
		const row = (page.body as { page: { rows: { id: string; myStatus: string | null }[] } }).page.rows.find(
			(r) => r.id === dune2021,
		);
		expect(row?.myStatus).toBe("planning");
		const work = await callRoute(workLoader, {
			cookie,
			params: { mediaId: dune2021 },
			url: `http://localhost/catalog/${dune2021}`,
		});
		expect((work.body as WorkData).entry?.status).toBe("planning");
	});

	it("signed out, Add leads to sign-in and back; bad input is a 400; an unknown work a 404", async () => {
		const signedOut = await callRoute(catalogAction, {
			form: { intent: "add", mediaId: dune2021, status: "planning", returnTo: "/catalog?type=movie" },
		});
		expect(signedOut.location).toBe(`/login?${new URLSearchParams({ redirectTo: "/catalog?type=movie" })}`);
		const cookie = cookiesFrom(await callRoute(registerAction, { form: newPerson() }));
		const bad = await callRoute(catalogAction, {
			cookie,
			form: { intent: "add", mediaId: dune2021, status: "binging" },
		});
		expect(bad.status).toBe(400);
		const unknown = await callRoute(catalogAction, {
			cookie,
			form: { intent: "add", mediaId: "00000000-0000-4000-8000-000000000000", status: "planning" },
		});
		expect(unknown.status).toBe(404);
		const fromWork = await callRoute(workAction, {
			cookie,
			params: { mediaId: dune2021 },
			form: { intent: "add", status: "completed" },
		});
		expect(fromWork.location).toBe(`/catalog/${dune2021}`);
	});
});

describe("saved view", () => {
	it("Save as default view stores columns and sort; the catalog uses them until the URL says otherwise", async () => {
		const cookie = cookiesFrom(await callRoute(registerAction, { form: newPerson() }));
		const saved = await callRoute(catalogAction, {
			cookie,
			form: {
				intent: "save-view",
				cols: "title,year,time",
				sort: "time",
				dir: "desc",
				returnTo: "/catalog?sort=time&dir=desc",
			},
		});
		expect(saved.location).toBe("/catalog?sort=time&dir=desc");
		const page = await callRoute(catalogLoader, { cookie, url: "http://localhost/catalog" });
		const spec = (page.body as { spec: { cols: string[]; sort: string; dir: string } }).spec;
		expect(spec).toMatchObject({ cols: ["title", "year", "time"], sort: "time", dir: "desc" });
		const explicit = await callRoute(catalogLoader, {
			cookie,
			url: "http://localhost/catalog?cols=title,type&sort=title",
		});
		expect((explicit.body as { spec: { cols: string[]; sort: string } }).spec).toMatchObject({
			cols: ["title", "type"],
			sort: "title",
		});
		const anonymous = await callRoute(catalogLoader, { url: "http://localhost/catalog" });
		expect((anonymous.body as { spec: { sort: string } }).spec.sort).toBe("title");
	});
});
