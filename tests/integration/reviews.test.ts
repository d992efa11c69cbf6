import { sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReviewBody } from "~/components/reviews/ReviewBody";
import { parseFilterSpec } from "~/lib/filter-spec";
import { action as catalogAction, loader as catalogLoader } from "~/routes/catalog._index";
import { action as workAction, loader as workLoader } from "~/routes/catalog.$mediaId";
import { action as listAction } from "~/routes/lists._index";
import { action as registerAction } from "~/routes/register";
import { action as reviewsAction, loader as reviewsLoader } from "~/routes/reviews._index";
import { getDb } from "../../db/client.server";
import { stableId } from "../../db/seed/ids";
import { rebuildMediaStats } from "../../db/stats-rebuild";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

const dune = stableId("movie-dune-2021");
const spiritedAway = stableId("movie-spirited-away-2001");
const fellowship = stableId("book-the-fellowship-of-the-ring-1954");
const frieren = stableId("anime-frieren-2023");
const unknownWork = "00000000-0000-4000-8000-000000000000";

type Review = { id: string; body: string; rating: number | null; spoiler: boolean; helpfulCount: number };
type WorkPage = {
	work: { reviewsCount: number; ratingAvg: number | null; ratingsCount: number };
	reviews: { rows: (Review & { mine: boolean; markedByMe: boolean })[]; nextCursor: string | null };
	myReview: Review | null;
};
type Reply = { fieldErrors: Record<string, string[]> };

const userIds = new Map<string, string>();

async function person(ratingScale = "10") {
	const form = newPerson({ ratingScale });
	const cookie = cookiesFrom(await callRoute(registerAction, { form }));
	const [{ id }] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${form.username}`);
	userIds.set(cookie, id);
	return cookie;
}

const onWork = (cookie: string, mediaId: string, form: Record<string, string>) =>
	callRoute(workAction, { cookie, params: { mediaId }, url: `http://localhost/catalog/${mediaId}`, form });
const saveReview = (cookie: string, mediaId: string, form: Record<string, string>) =>
	onWork(cookie, mediaId, { intent: "review-save", ...form });

async function workPage(mediaId: string, cookie?: string, query = ""): Promise<WorkPage> {
	const result = await callRoute(workLoader, {
		cookie,
		params: { mediaId },
		url: `http://localhost/catalog/${mediaId}${query}`,
	});
	expect(result.status).toBe(200);
	return result.body as WorkPage;
}

async function stats(mediaId: string) {
	const [row] = await queryRows<{ tracking: number; count: number; sum: number; reviews: number }>(sql`
		select tracking_count as tracking, ratings_count as count, ratings_sum::int as sum, reviews_count as reviews
		from media.media_stats where media_id = ${mediaId}`);
	return row ?? { tracking: 0, count: 0, sum: 0, reviews: 0 };
}

const reviewsOf = (cookie: string) =>
	queryRows(sql`select * from interaction.reviews where user_id = ${userIds.get(cookie)} order by media_id`);

describe("reviews: rendering is inert", () => {
	it("a body with <script>, <img onerror> and javascript: links renders as text, links only to http(s)", async () => {
		const cookie = await person();
		const body = [
			"<script>alert('x')</script>",
			'<img src=x onerror="alert(1)">',
			"[click me](javascript:alert(1)) and javascript:alert(2)",
			'<a href="javascript:alert(3)">link</a> [ok](https://example.com/page)',
			"**bold** *soft*",
		].join("\n\n");
		expect((await saveReview(cookie, dune, { body })).status).toBe(302);
		const stored = (await workPage(dune, cookie)).myReview?.body ?? "";
		expect(stored).toBe(body);
		const html = renderToStaticMarkup(createElement(ReviewBody, { body: stored }));
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<img/i);
		expect(html).not.toMatch(/<[^>]*\sonerror=/i);
		expect(html).not.toMatch(/href="\s*javascript:/i);
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		expect(hrefs).toEqual(["https://example.com/page"]);
		expect(html).toContain('rel="nofollow ugc noopener"');
		expect(html).toContain("<strong>bold</strong> <em>soft</em>");
		expect(html).toContain("&lt;script&gt;");
	});
});

describe("reviews: writing, editing, deleting", () => {
	it("writes, edits and deletes my review; the work's review count and community rating follow", async () => {
		const before = await stats(spiritedAway);
		const author = await person("5");
		const saved = await saveReview(author, spiritedAway, { body: "Lovely.", rating: "4.5", spoiler: "on" });
		expect(saved.status).toBe(302);
		expect(saved.location).toBe(`/catalog/${spiritedAway}#reviews`);
		let page = await workPage(spiritedAway, author);
		expect(page.myReview).toMatchObject({ body: "Lovely.", rating: 90, spoiler: true });
		expect(await stats(spiritedAway)).toEqual({
			...before,
			reviews: before.reviews + 1,
			count: before.count + 1,
			sum: before.sum + 90,
		});
		expect(page.work.reviewsCount).toBe(before.reviews + 1);

		const edited = await saveReview(author, spiritedAway, {
			body: "Lovely, again.",
			rating: "2",
			reviewId: page.myReview?.id ?? "",
		});
		expect(edited.status).toBe(302);
		page = await workPage(spiritedAway, author);
		expect(page.myReview).toMatchObject({ body: "Lovely, again.", rating: 40, spoiler: false });
		expect(await stats(spiritedAway)).toMatchObject({ reviews: before.reviews + 1, sum: before.sum + 40 });

		// Without a reviewId, saving again changes the one review (one per person per work).
		expect((await saveReview(author, spiritedAway, { body: "Third take." })).status).toBe(302);
		expect(await reviewsOf(author)).toHaveLength(1);
		expect(await stats(spiritedAway)).toMatchObject({ reviews: before.reviews + 1, count: before.count });

		const deleted = await onWork(author, spiritedAway, { intent: "review-delete", reviewId: page.myReview?.id ?? "" });
		expect(deleted.status).toBe(302);
		expect(await reviewsOf(author)).toHaveLength(0);
		expect(await stats(spiritedAway)).toEqual(before);
		expect((await onWork(author, spiritedAway, { intent: "review-delete" })).status).toBe(404);
	});

	it("the database holds one review per person per work", async () => {
		const cookie = await person();
		expect((await saveReview(cookie, frieren, { body: "Once." })).status).toBe(302);
		await expect(
			getDb().execute(sql`
				insert into interaction.reviews (media_id, user_id, body) values (${frieren}, ${userIds.get(cookie)}, 'Twice')`),
		).rejects.toThrow();
	});

	it("another person's review cannot be edited or deleted (404), and stays as it was", async () => {
		const owner = await person();
		await saveReview(owner, dune, { body: "Mine.", rating: "8" });
		const [review] = (await reviewsOf(owner)) as { id: string }[];
		const before = await reviewsOf(owner);
		const stranger = await person();
		const attempts = [
			() => saveReview(stranger, dune, { body: "Hijacked", reviewId: review.id }),
			() => onWork(stranger, dune, { intent: "review-delete", reviewId: review.id }),
			() =>
				callRoute(reviewsAction, {
					cookie: stranger,
					url: "http://localhost/reviews?index",
					form: { intent: "review-save", mediaId: dune, reviewId: review.id, body: "Hijacked" },
				}),
			() =>
				callRoute(reviewsAction, {
					cookie: stranger,
					url: "http://localhost/reviews?index",
					form: { intent: "review-delete", mediaId: dune, reviewId: review.id },
				}),
			() =>
				callRoute(reviewsAction, {
					cookie: stranger,
					url: "http://localhost/reviews?index",
					form: { intent: "review-delete", mediaId: dune },
				}),
		];
		for (const attempt of attempts) expect((await attempt()).status).toBe(404);
		expect(await reviewsOf(owner)).toEqual(before);
		expect(await reviewsOf(stranger)).toEqual([]);
	});

	it("refuses bad input with a 400 and messages, and writes nothing", async () => {
		const cookie = await person();
		const before = await stats(fellowship);
		const cases: [Record<string, string>, string][] = [
			[{ body: "" }, "body"],
			[{ body: "   \n  " }, "body"],
			[{ body: "x".repeat(10_001) }, "body"],
			[{ body: "nul \u0000 byte" }, "body"],
			[{ body: "Fine", rating: "11" }, "rating"],
			[{ body: "Fine", rating: "-1" }, "rating"],
			[{ body: "Fine", rating: "abc" }, "rating"],
			[{ body: "Fine", spoiler: "maybe" }, "spoiler"],
			[{ body: "Fine", reviewId: "not-a-uuid" }, "reviewId"],
			[{ body: "Fine", mediaId: spiritedAway }, "mediaId"],
		];
		for (const [form, field] of cases) {
			const result = await saveReview(cookie, fellowship, form);
			expect(result.status, JSON.stringify(form).slice(0, 80)).toBe(400);
			expect((result.body as Reply).fieldErrors[field]?.[0], field).toMatch(/\w/);
		}
		const refused = await saveReview(cookie, fellowship, { body: "Keep my words", rating: "12", spoiler: "on" });
		expect((refused.body as Reply & { values: unknown }).values).toEqual({
			body: "Keep my words",
			rating: "12",
			spoiler: true,
		});
		const unknown = await saveReview(cookie, unknownWork, { body: "About nothing" });
		expect(unknown.status).toBe(400);
		expect((unknown.body as Reply).fieldErrors.mediaId[0]).toMatch(/no such work/i);
		const fromList = await callRoute(reviewsAction, {
			cookie,
			url: "http://localhost/reviews?index",
			form: { intent: "review-save", mediaId: unknownWork, body: "About nothing" },
		});
		expect(fromList.status).toBe(400);
		expect((fromList.body as Reply).fieldErrors.mediaId[0]).toMatch(/no such work/i);
		const noWork = await callRoute(reviewsAction, {
			cookie,
			url: "http://localhost/reviews?index",
			form: { intent: "review-save", body: "Which one?" },
		});
		expect(noWork.status).toBe(400);
		expect((await onWork(cookie, fellowship, { intent: "review-rewrite" })).status).toBe(400);
		expect(await reviewsOf(cookie)).toEqual([]);
		expect(await stats(fellowship)).toEqual(before);
	});

	it("limits review saves per person: the eleventh in ten minutes is a 429 with Retry-After", async () => {
		const cookie = await person();
		for (let i = 0; i < 10; i++) expect((await saveReview(cookie, dune, { body: `Take ${i}` })).status).toBe(302);
		const limited = await saveReview(cookie, dune, { body: "One more" });
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
		expect((limited.body as Reply).fieldErrors.form[0]).toMatch(/too many/i);
		expect(((await workPage(dune, cookie)).myReview as Review).body).toBe("Take 9");
	});
});

describe("reviews: helpful marks", () => {
	it("not on one's own, once per person, toggled; the page shows the count and my mark", async () => {
		const author = await person();
		await saveReview(author, frieren, { body: "Worth it.", spoiler: "on" });
		const { myReview } = await workPage(frieren, author);
		const reviewId = myReview?.id ?? "";
		const mark = (cookie: string) => onWork(cookie, frieren, { intent: "review-helpful", reviewId });
		const count = async () => (await workPage(frieren)).reviews.rows.find((r) => r.id === reviewId)?.helpfulCount;

		const own = await mark(author);
		expect(own.status).toBe(400);
		expect((own.body as Reply).fieldErrors.reviewId[0]).toMatch(/own review/);
		expect(await count()).toBe(0);

		const reader = await person();
		expect((await mark(reader)).status).toBe(302);
		expect(await count()).toBe(1);
		const seen = (await workPage(frieren, reader)).reviews.rows.find((r) => r.id === reviewId);
		expect(seen).toMatchObject({ spoiler: true, mine: false, markedByMe: true, helpfulCount: 1 });
		expect((await mark(reader)).status).toBe(302);
		expect(await count()).toBe(0);
		await mark(reader);
		await mark(await person());
		expect(await count()).toBe(2);
		const [{ votes }] = await queryRows<{ votes: number }>(sql`
			select count(*)::int as votes from interaction.review_votes where media_id = ${frieren} and review_id = ${reviewId}`);
		expect(votes).toBe(2);

		expect((await onWork(reader, frieren, { intent: "review-helpful", reviewId: unknownWork })).status).toBe(404);
		expect((await onWork(reader, dune, { intent: "review-helpful", reviewId })).status).toBe(404);
		expect((await onWork(reader, frieren, { intent: "review-helpful", reviewId: "x" })).status).toBe(400);
	});

	it("orders a work's reviews newest or most helpful first", async () => {
		const first = await person();
		const second = await person();
		await saveReview(first, fellowship, { body: "Older, helpful." });
		await saveReview(second, fellowship, { body: "Newer." });
		const older = (await workPage(fellowship, first)).myReview?.id ?? "";
		await onWork(second, fellowship, { intent: "review-helpful", reviewId: older });
		const newest = (await workPage(fellowship)).reviews.rows.map((r) => r.body);
		expect(newest.indexOf("Newer.")).toBeLessThan(newest.indexOf("Older, helpful."));
		const helpful = (await workPage(fellowship, undefined, "?reviewSort=helpful")).reviews.rows.map((r) => r.body);
		expect(helpful[0]).toBe("Older, helpful.");
		expect((await workPage(fellowship, undefined, "?reviewSort=sideways&reviewAfter=%00")).reviews.rows.length).toBe(
			newest.length,
		);
	});
});

describe("community rating", () => {
	it("counts a person once: the entry's rating, else the review's", async () => {
		const before = await stats(dune);
		const cookie = await person();
		await saveReview(cookie, dune, { body: "Sand.", rating: "6" });
		expect(await stats(dune)).toMatchObject({ count: before.count + 1, sum: before.sum + 60 });
		await callRoute(catalogAction, { cookie, form: { intent: "add", mediaId: dune, status: "completed" } });
		const update = (rating: string) =>
			callRoute(listAction, {
				cookie,
				url: "http://localhost/lists?index",
				form: { intent: "update", mediaId: dune, rating },
			});
		expect((await update("9")).status).toBe(302);
		expect(await stats(dune)).toMatchObject({ count: before.count + 1, sum: before.sum + 90 });
		await saveReview(cookie, dune, { body: "Sand, revisited.", rating: "3" });
		expect(await stats(dune)).toMatchObject({ count: before.count + 1, sum: before.sum + 90 });
		await update("");
		expect(await stats(dune)).toMatchObject({ count: before.count + 1, sum: before.sum + 30 });
		await update("7");
		await callRoute(listAction, {
			cookie,
			url: "http://localhost/lists?index",
			form: { intent: "remove", mediaId: dune },
		});
		expect(await stats(dune)).toMatchObject({
			count: before.count + 1,
			sum: before.sum + 30,
			tracking: before.tracking,
		});
		await onWork(cookie, dune, { intent: "review-delete" });
		expect(await stats(dune)).toEqual(before);
		expect(await rebuildMediaStats()).toEqual({ works: 0, reviews: 0 });
	});

	it("concurrent entry and review writes leave media_stats equal to a rebuild (no drift)", async () => {
		await rebuildMediaStats();
		const people = await Promise.all(Array.from({ length: 12 }, () => person()));
		for (const cookie of people.slice(0, 8))
			await callRoute(catalogAction, { cookie, form: { intent: "add", mediaId: frieren, status: "in_progress" } });
		const updateEntry = (cookie: string, rating: string) =>
			callRoute(listAction, {
				cookie,
				url: "http://localhost/lists?index",
				form: { intent: "update", mediaId: frieren, rating },
			});
		const writes = people.flatMap((cookie, i) => [
			...(i < 8 ? [updateEntry(cookie, String(i % 11)), updateEntry(cookie, String((i * 3) % 11))] : []),
			saveReview(cookie, frieren, { body: `Review ${i}`, rating: String((i * 7) % 11) }),
			saveReview(cookie, frieren, { body: `Review ${i}, edited`, ...(i % 2 ? { rating: "5" } : {}) }),
			...(i % 3 === 0 ? [onWork(cookie, frieren, { intent: "review-delete" })] : []),
			...(i % 4 === 1
				? [
						callRoute(listAction, {
							cookie,
							url: "http://localhost/lists?index",
							form: { intent: "remove", mediaId: frieren },
						}),
					]
				: []),
		]);
		const results = await Promise.all(writes);
		for (const result of results) expect([302, 404]).toContain(result.status);
		const kept = await stats(frieren);
		expect(await rebuildMediaStats()).toEqual({ works: 0, reviews: 0 });
		expect(await stats(frieren)).toEqual(kept);
	});

	it("a rebuild finds and fixes drifted counters", async () => {
		await getDb().execute(sql`
			update media.media_stats set ratings_count = ratings_count + 3, reviews_count = reviews_count + 1
			where media_id = ${frieren}`);
		expect((await rebuildMediaStats()).works).toBe(1);
		expect(await rebuildMediaStats()).toEqual({ works: 0, reviews: 0 });
	});

	it("the catalog sorts and filters by community rating from media_stats", async () => {
		const result = await callRoute(catalogLoader, { url: "http://localhost/catalog?sort=rating&ratingMin=1" });
		const rows = (result.body as { page: { rows: { ratingAvg: number | null }[] } }).page.rows;
		expect(rows.length).toBeGreaterThan(0);
		const averages = rows.map((r) => r.ratingAvg ?? -1);
		expect([...averages].sort((a, b) => b - a)).toEqual(averages);
	});
});

describe("/reviews", () => {
	it("lists my reviews with filters (type, rating, spoilers) and sorts (date, rating, title)", async () => {
		const cookie = await person();
		await saveReview(cookie, dune, { body: "A", rating: "8", spoiler: "on" });
		await saveReview(cookie, spiritedAway, { body: "B", rating: "10" });
		await saveReview(cookie, fellowship, { body: "C" });
		const load = async (query: string) => {
			const result = await callRoute(reviewsLoader, { cookie, url: `http://localhost/reviews?${query}` });
			expect(result.status).toBe(200);
			return (result.body as { page: { rows: { title: string; mediaId: string }[]; total: number } }).page;
		};
		expect((await load("")).rows.map((r) => r.mediaId)).toEqual([fellowship, spiritedAway, dune]);
		expect((await load("spoiler=yes")).rows.map((r) => r.mediaId)).toEqual([dune]);
		expect((await load("spoiler=no")).total).toBe(2);
		expect((await load("type=book")).rows.map((r) => r.mediaId)).toEqual([fellowship]);
		expect((await load("ratingMin=90")).rows.map((r) => r.mediaId)).toEqual([spiritedAway]);
		expect((await load("sort=rating")).rows.map((r) => r.mediaId)).toEqual([spiritedAway, dune, fellowship]);
		const titles = (await load("sort=title")).rows.map((r) => r.title);
		expect([...titles].sort()).toEqual(titles);
		expect((await load("spoiler=perhaps&sort=price&page=-3")).total).toBe(3);
		const spec = parseFilterSpec(new URLSearchParams("spoiler=yes&status=completed&list=in"), "reviews");
		expect(spec).toMatchObject({ spoiler: "yes", status: [], list: null, sort: "updated", dir: "desc" });
		const edited = await callRoute(reviewsAction, {
			cookie,
			url: "http://localhost/reviews?index",
			form: {
				intent: "review-save",
				mediaId: fellowship,
				body: "C, rated",
				rating: "4",
				returnTo: "/reviews?sort=rating",
			},
		});
		expect(edited.location).toBe("/reviews?sort=rating");
		expect((await load("sort=rating")).rows.map((r) => r.mediaId)).toEqual([spiritedAway, dune, fellowship]);
		expect((await load("ratingMax=50")).rows.map((r) => r.mediaId)).toEqual([fellowship]);
		const deleted = await callRoute(reviewsAction, {
			cookie,
			url: "http://localhost/reviews?index",
			form: { intent: "review-delete", mediaId: dune, returnTo: "/reviews?spoiler=yes" },
		});
		expect(deleted.location).toBe("/reviews?spoiler=yes");
		expect((await load("")).total).toBe(2);
		expect((await callRoute(reviewsLoader, { url: "http://localhost/reviews" })).status).toBe(302);
	});
});
