import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as homeLoader } from "~/routes/_index";
import { loader as catalogLoader } from "~/routes/catalog._index";
import { loader as healthLoader } from "~/routes/healthz";
import { action as themeAction } from "~/routes/theme";
import { closeDb } from "../../db/client.server";

const args = (request: Request) => ({ request, params: {}, context: {} });

function themePost(fields: Record<string, string>) {
	return new Request("http://localhost/theme", { method: "POST", body: new URLSearchParams(fields) });
}

describe("/theme", () => {
	it("sets the theme cookie and redirects back to a local path", async () => {
		const response = await themeAction(args(themePost({ theme: "dark", redirectTo: "/catalog?type=book" })));
		expect(response.status).toBe(302);
		expect(response.headers.get("Location")).toBe("/catalog?type=book");
		const cookie = response.headers.get("Set-Cookie") ?? "";
		expect(cookie).toMatch(/^theme=/);
		const root = await rootLoader(
			args(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0] } })),
		);
		expect(root.theme).toBe("dark");
	});

	it("never redirects off the site", async () => {
		for (const redirectTo of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
			const response = await themeAction(args(themePost({ theme: "light", redirectTo })));
			expect(response.headers.get("Location")).toBe("/");
		}
	});

	it("answers an unknown theme with 400 and a message, setting no cookie", async () => {
		const cases: Record<string, string>[] = [{ theme: "sepia" }, {}, { theme: "" }];
		for (const fields of cases) {
			const response = await themeAction(args(themePost(fields)));
			expect(response.status).toBe(400);
			expect(response.headers.get("Set-Cookie")).toBeNull();
			expect(await response.json()).toMatchObject({ error: "Choose a theme: light, dark or system." });
		}
	});

	it("falls back to the system theme for a missing or tampered cookie", async () => {
		for (const cookie of ["", "theme=garbage", "theme=InB1cnBsZSI"]) {
			const root = await rootLoader(args(new Request("http://localhost/", { headers: { Cookie: cookie } })));
			expect(root.theme).toBe("system");
		}
	});
});

describe("pages", () => {
	it("home shows the catalog's counts per media type", async () => {
		const { overview } = await homeLoader();
		expect(overview.total).toBeGreaterThanOrEqual(400);
		expect(overview.byType).toHaveLength(11);
		expect(overview.byType.every((row) => row.count > 0)).toBe(true);
		expect(overview.franchises).toBeGreaterThanOrEqual(8);
	});

	it("catalog filters by a valid type and ignores an invalid one", async () => {
		const books = await catalogLoader(args(new Request("http://localhost/catalog?type=book")));
		expect(books.spec.type).toEqual(["book"]);
		expect(books.page.rows.length).toBeGreaterThan(0);
		expect(books.page.rows.every((work) => work.mediaType === "book")).toBe(true);
		const bogus = await catalogLoader(args(new Request("http://localhost/catalog?type=%3Cscript%3E")));
		expect(bogus.spec.type).toEqual([]);
		expect(new Set(bogus.page.rows.map((work) => work.mediaType)).size).toBeGreaterThan(1);
	});
});

describe("/healthz", () => {
	it("is 200 when the database answers", async () => {
		const response = await healthLoader();
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
	});

	it("is 503 when it does not", async () => {
		const saved = { url: process.env.DATABASE_URL };
		await closeDb();
		process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/nothing";
		try {
			const response = await healthLoader();
			expect(response.status).toBe(503);
			expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
		} finally {
			await closeDb();
			if (saved.url) process.env.DATABASE_URL = saved.url;
			else delete process.env.DATABASE_URL;
		}
	});
});
