import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as catalogAction } from "~/routes/catalog._index";
import { action as listAction, loader as listLoader } from "~/routes/lists._index";
import { action as registerAction } from "~/routes/register";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

const fellowship = stableId("book-the-fellowship-of-the-ring-1954");

async function personWith(mediaId: string, ratingScale = "10") {
	const cookie = cookiesFrom(await callRoute(registerAction, { form: newPerson({ ratingScale }) }));
	await callRoute(catalogAction, { cookie, form: { intent: "add", mediaId, status: "planning" } });
	return cookie;
}

async function stats(mediaId: string) {
	const [row] = await queryRows<{ tracking: number; count: number; sum: number }>(sql`
		select tracking_count as tracking, ratings_count as count, ratings_sum::int as sum from media.media_stats where media_id = ${mediaId}`);
	return row;
}

const update = (cookie: string, form: Record<string, string>) =>
	callRoute(listAction, {
		cookie,
		url: "http://localhost/lists",
		form: { intent: "update", mediaId: fellowship, ...form },
	});

describe("my list (partial: inline update and remove)", () => {
	it("stores a rating from the person's scale as 0–100 and keeps community counters in step", async () => {
		const [{ pages }] = await queryRows<{ pages: number }>(sql`
			select (attributes ->> 'pages')::int as pages from media.media where id = ${fellowship}`);
		expect(pages).toBeGreaterThan(0);
		const before = await stats(fellowship);
		const cookie = await personWith(fellowship, "5");
		expect((await update(cookie, { rating: "4.5" })).status).toBe(302);
		expect(await stats(fellowship)).toEqual({
			tracking: before.tracking + 1,
			count: before.count + 1,
			sum: before.sum + 90,
		});
		expect((await update(cookie, { rating: "3" })).status).toBe(302);
		expect(await stats(fellowship)).toEqual({
			tracking: before.tracking + 1,
			count: before.count + 1,
			sum: before.sum + 60,
		});

		const completed = await update(cookie, { status: "completed" });
		expect(completed.status).toBe(302);
		const page = await callRoute(listLoader, { cookie, url: "http://localhost/lists" });
		const entry = (
			page.body as { entries: { mediaId: string; progress: number; status: string; minutesLeft: number }[] }
		).entries[0];
		expect(entry).toMatchObject({ mediaId: fellowship, status: "completed", progress: pages, minutesLeft: 0 });

		expect((await callRoute(listAction, { cookie, form: { intent: "remove", mediaId: fellowship } })).status).toBe(302);
		expect(await stats(fellowship)).toEqual(before);
	});

	it("refuses bad input with a 400 and changes nothing", async () => {
		const cookie = await personWith(fellowship);
		const attempts: Record<string, string>[] = [
			{ progress: "-1" },
			{ progress: "99999" },
			{ progress: "2.5" },
			{ rating: "11" },
			{ rating: "abc" },
			{ status: "binging" },
		];
		for (const form of attempts) {
			const result = await update(cookie, form);
			expect(result.status, JSON.stringify(form)).toBe(400);
		}
		const page = await callRoute(listLoader, { cookie, url: "http://localhost/lists" });
		expect(
			(page.body as { entries: { progress: number; rating: number | null; status: string }[] }).entries[0],
		).toMatchObject({
			progress: 0,
			rating: null,
			status: "planning",
		});
	});

	it("another person's entry cannot be changed or removed (404), and is not listed", async () => {
		await personWith(fellowship);
		const stranger = cookiesFrom(await callRoute(registerAction, { form: newPerson() }));
		expect((await update(stranger, { status: "dropped" })).status).toBe(404);
		expect(
			(await callRoute(listAction, { cookie: stranger, form: { intent: "remove", mediaId: fellowship } })).status,
		).toBe(404);
		const page = await callRoute(listLoader, { cookie: stranger, url: "http://localhost/lists" });
		expect((page.body as { entries: unknown[] }).entries).toEqual([]);
	});
});
