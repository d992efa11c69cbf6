import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as catalogAction } from "~/routes/catalog._index";
import { action as listAction, loader as listLoader } from "~/routes/lists._index";
import { action as registerAction } from "~/routes/register";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows, totalsAndRecount } from "./helpers";

const fellowship = stableId("book-the-fellowship-of-the-ring-1954");
const spiritedAway = stableId("movie-spirited-away-2001");
const frieren = stableId("anime-frieren-2023");

type Row = {
	mediaId: string;
	title: string;
	mediaType: string;
	status: string;
	progress: number;
	progressTotal: number | null;
	rating: number | null;
	notes: string | null;
	startedAt: string | null;
	completedAt: string | null;
	repeatCount: number;
	minutesLeft: number | null;
	releaseDate: string | null;
};
type Page = { page: { rows: Row[]; nextCursor: string | null; total: number } };

async function newCookie(ratingScale = "10") {
	const form = newPerson({ ratingScale });
	const cookie = cookiesFrom(await callRoute(registerAction, { form }));
	const [{ id }] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${form.username}`);
	ids.set(cookie, id);
	return cookie;
}
const ids = new Map<string, string>();

async function add(cookie: string, mediaId: string, status = "planning") {
	const result = await callRoute(catalogAction, { cookie, form: { intent: "add", mediaId, status } });
	expect(result.status).toBe(302);
}

async function personWith(mediaIds: string[], ratingScale = "10") {
	const cookie = await newCookie(ratingScale);
	for (const id of mediaIds) await add(cookie, id);
	return cookie;
}

async function counters(mediaId: string) {
	const [row] = await queryRows<{ tracking: number; count: number; sum: number }>(sql`
		select tracking_count as tracking, ratings_count as count, ratings_sum::int as sum from media.media_stats where media_id = ${mediaId}`);
	return row ?? { tracking: 0, count: 0, sum: 0 };
}

const post = (cookie: string, form: Record<string, string | string[]>) =>
	callRoute(listAction, { cookie, url: "http://localhost/lists?index", form });
const update = (cookie: string, form: Record<string, string>, mediaId = fellowship) =>
	post(cookie, { intent: "update", mediaId, ...form });

async function list(cookie: string, query = ""): Promise<Page["page"]> {
	const result = await callRoute(listLoader, { cookie, url: `http://localhost/lists?${query}` });
	expect(result.status).toBe(200);
	return (result.body as Page).page;
}

/** The person's raw rows, to show that a refused request wrote nothing (updated_at included). */
function snapshot(cookie: string) {
	return queryRows(sql`select * from interaction.user_media where user_id = ${ids.get(cookie)} order by media_id`);
}

describe("my list: inline edits", () => {
	it("stores a rating from the person's scale as 0–100 and keeps community counters in step", async () => {
		const [{ pages }] = await queryRows<{ pages: number }>(sql`
			select (attributes ->> 'pages')::int as pages from media.media where id = ${fellowship}`);
		expect(pages).toBeGreaterThan(0);
		const before = await counters(fellowship);
		const cookie = await personWith([fellowship], "5");
		expect((await update(cookie, { rating: "4.5" })).status).toBe(302);
		expect(await counters(fellowship)).toEqual({
			tracking: before.tracking + 1,
			count: before.count + 1,
			sum: before.sum + 90,
		});
		expect((await update(cookie, { rating: "3" })).status).toBe(302);
		expect(await counters(fellowship)).toEqual({
			tracking: before.tracking + 1,
			count: before.count + 1,
			sum: before.sum + 60,
		});

		expect((await update(cookie, { status: "completed" })).status).toBe(302);
		const [entry] = (await list(cookie)).rows;
		expect(entry).toMatchObject({ mediaId: fellowship, status: "completed", progress: pages, minutesLeft: 0 });
		expect(entry.completedAt).toBe(new Date().toISOString().slice(0, 10));

		expect((await post(cookie, { intent: "remove", mediaId: fellowship })).status).toBe(302);
		expect(await counters(fellowship)).toEqual(before);
	});

	it("edits notes, dates and the rewatch count, and clears them with empty fields", async () => {
		const cookie = await personWith([spiritedAway]);
		const saved = await update(
			cookie,
			{ notes: "Bathhouse <b>scene</b>", startedAt: "2024-02-01", completedAt: "2024-02-03", repeatCount: "2" },
			spiritedAway,
		);
		expect(saved.status).toBe(302);
		expect((await list(cookie)).rows[0]).toMatchObject({
			notes: "Bathhouse <b>scene</b>",
			startedAt: "2024-02-01",
			completedAt: "2024-02-03",
			repeatCount: 2,
		});
		await update(cookie, { notes: "", completedAt: "" }, spiritedAway);
		expect((await list(cookie)).rows[0]).toMatchObject({ notes: null, completedAt: null, startedAt: "2024-02-01" });
	});

	it("refuses bad input with a 400 and a message, and writes nothing", async () => {
		const cookie = await personWith([fellowship]);
		const before = await snapshot(cookie);
		const attempts: [Record<string, string>, string][] = [
			[{ progress: "-1" }, "progress"],
			[{ progress: "99999" }, "progress"],
			[{ progress: "2.5" }, "progress"],
			[{ rating: "11" }, "rating"],
			[{ rating: "abc" }, "rating"],
			[{ status: "binging" }, "status"],
			[{ notes: "x".repeat(10_001) }, "notes"],
			[{ startedAt: "2024-02-30" }, "startedAt"],
			[{ startedAt: "yesterday" }, "startedAt"],
			[{ startedAt: "2024-03-01", completedAt: "2024-02-01" }, "completedAt"],
			[{ repeatCount: "-1" }, "repeatCount"],
		];
		for (const [form, field] of attempts) {
			const result = await update(cookie, form);
			expect(result.status, JSON.stringify(form)).toBe(400);
			const errors = (result.body as { fieldErrors: Record<string, string[]> }).fieldErrors;
			expect(errors[field]?.[0], JSON.stringify(form)).toMatch(/\w/);
		}
		expect((await post(cookie, { intent: "teleport", mediaId: fellowship })).status).toBe(400);
		expect(await snapshot(cookie)).toEqual(before);
	});

	it("another person's entry cannot be read, changed, removed or bulk-changed (404), and nothing changes", async () => {
		const owner = await personWith([fellowship]);
		const before = await snapshot(owner);
		const stranger = await personWith([spiritedAway]);
		expect((await update(stranger, { status: "dropped" })).status).toBe(404);
		expect((await post(stranger, { intent: "remove", mediaId: fellowship })).status).toBe(404);
		expect(
			(await post(stranger, { intent: "bulk", operation: "remove", mediaId: [spiritedAway, fellowship] })).status,
		).toBe(404);
		expect(
			(await post(stranger, { intent: "bulk", operation: "status", bulkStatus: "dropped", mediaId: [fellowship] }))
				.status,
		).toBe(404);
		expect((await list(stranger)).rows.map((r) => r.mediaId)).toEqual([spiritedAway]);
		expect(await snapshot(owner)).toEqual(before);
	});
});

describe("my list: bulk changes and undo", () => {
	it("bulk status and bulk remove are all or nothing", async () => {
		const cookie = await personWith([fellowship, spiritedAway, frieren]);
		const unknown = "00000000-0000-4000-8000-000000000000";
		const refused = await post(cookie, {
			intent: "bulk",
			operation: "status",
			bulkStatus: "completed",
			mediaId: [fellowship, spiritedAway, unknown],
		});
		expect(refused.status).toBe(404);
		expect((await list(cookie)).rows.every((r) => r.status === "planning")).toBe(true);
		expect((await post(cookie, { intent: "bulk", operation: "remove", mediaId: [fellowship, unknown] })).status).toBe(
			404,
		);
		expect((await list(cookie)).total).toBe(3);
		expect((await post(cookie, { intent: "bulk", operation: "status", mediaId: [fellowship] })).status).toBe(400);
		expect((await post(cookie, { intent: "bulk", operation: "status", bulkStatus: "completed" })).status).toBe(400);

		const done = await post(cookie, {
			intent: "bulk",
			operation: "status",
			bulkStatus: "completed",
			mediaId: [fellowship, spiritedAway],
		});
		expect(done.status).toBe(302);
		const rows = (await list(cookie, "status=completed")).rows;
		expect(rows.map((r) => r.mediaId).sort()).toEqual([fellowship, spiritedAway].sort());
		for (const row of rows) expect(row.progress).toBe(row.progressTotal ?? 0);

		const before = await counters(frieren);
		expect((await post(cookie, { intent: "bulk", operation: "remove", mediaId: [fellowship, frieren] })).status).toBe(
			302,
		);
		expect((await list(cookie)).rows.map((r) => r.mediaId)).toEqual([spiritedAway]);
		expect((await counters(frieren)).tracking).toBe(before.tracking - 1);
	});

	it("undo puts a removed entry back as it was", async () => {
		const cookie = await personWith([spiritedAway]);
		await update(
			cookie,
			{ status: "in_progress", progress: "40", rating: "8", notes: "halfway", repeatCount: "1" },
			spiritedAway,
		);
		const [entry] = (await list(cookie)).rows;
		const before = await counters(spiritedAway);
		expect((await post(cookie, { intent: "remove", mediaId: spiritedAway })).status).toBe(302);
		expect(await counters(spiritedAway)).toEqual({
			tracking: before.tracking - 1,
			count: before.count - 1,
			sum: before.sum - 80,
		});
		const restored = await post(cookie, {
			intent: "restore",
			mediaId: spiritedAway,
			status: entry.status,
			progress: String(entry.progress),
			rating: String(entry.rating),
			notes: entry.notes ?? "",
			startedAt: entry.startedAt ?? "",
			completedAt: "",
			repeatCount: String(entry.repeatCount),
		});
		expect(restored.status).toBe(302);
		expect((await list(cookie)).rows[0]).toMatchObject({
			status: "in_progress",
			progress: 40,
			rating: 80,
			notes: "halfway",
			repeatCount: 1,
			startedAt: entry.startedAt,
		});
		expect(await counters(spiritedAway)).toEqual(before);
		const overTotal = await post(cookie, {
			intent: "restore",
			mediaId: fellowship,
			status: "planning",
			progress: "999999",
			rating: "",
			notes: "",
			startedAt: "",
			completedAt: "",
			repeatCount: "0",
		});
		expect(overTotal.status).toBe(400);
		expect((await list(cookie)).total).toBe(1);
	});
});

describe("my list: totals", () => {
	it("the totals behind the summary, sidebar and count follow every kind of write", async () => {
		const cookie = await personWith([fellowship, spiritedAway, frieren]);
		const expectInStep = async () => {
			const { kept, recounted } = await totalsAndRecount(ids.get(cookie) ?? "");
			expect(kept).toEqual(recounted);
		};
		await expectInStep();
		await update(cookie, { status: "in_progress", progress: "120" });
		await expectInStep();
		await update(cookie, { progress: "200" });
		await update(cookie, { status: "completed" }, spiritedAway);
		await expectInStep();
		expect(
			(
				await post(cookie, {
					intent: "bulk",
					operation: "status",
					bulkStatus: "paused",
					mediaId: [fellowship, frieren],
				})
			).status,
		).toBe(302);
		await expectInStep();
		expect((await post(cookie, { intent: "remove", mediaId: frieren })).status).toBe(302);
		await expectInStep();
		expect(
			(
				await post(cookie, {
					intent: "restore",
					mediaId: frieren,
					status: "dropped",
					progress: "3",
					rating: "",
					notes: "",
					startedAt: "",
					completedAt: "",
					repeatCount: "0",
				})
			).status,
		).toBe(302);
		await expectInStep();
		const page = await list(cookie, "status=paused");
		expect(page.total).toBe(page.rows.length);
		expect((await list(cookie)).total).toBe(3);
		expect((await list(cookie, "type=movie")).total).toBe(1);
		expect(
			(await post(cookie, { intent: "bulk", operation: "remove", mediaId: [fellowship, spiritedAway, frieren] }))
				.status,
		).toBe(302);
		await expectInStep();
		expect((await list(cookie)).total).toBe(0);
	});
});

describe("my list: filters, sorts and paging", () => {
	async function personWithMany() {
		const cookie = await newCookie("100");
		const id = ids.get(cookie);
		// 70 works with varied statuses, progress, ratings and dates, written as the app writes them.
		await queryRows(sql`
			insert into interaction.user_media
				(user_id, media_id, status, progress, rating, started_at, completed_at, meta_snapshot, updated_at)
			select ${id}::uuid, m.id, s.status,
			       case when s.status = 'completed' then coalesce(media.progress_total(m.media_type, m.attributes), 0)
			            else least(n % 7, coalesce(media.progress_total(m.media_type, m.attributes), 0)) end,
			       case when n % 4 = 0 then null else (n * 37) % 101 end,
			       case when n % 3 = 0 then null else date '2023-01-01' + n * 5 end,
			       case when s.status = 'completed' then date '2024-01-01' + n * 3 end,
			       media.snapshot(m.title, m.media_type, m.release_date, m.attributes),
			       now() - n * interval '1 minute'
			from (select id, title, media_type, release_date, attributes, (row_number() over (order by md5(id::text)))::int as n
			      from media.media) m
			cross join lateral (select (array['planning','in_progress','completed','paused','dropped'])[1 + n % 5] as status) s
			where n <= 70`);
		return cookie;
	}

	const sortValue: Record<string, (r: Row & { updatedAt: string }) => string | number> = {
		title: (r) => r.title,
		progress: (r) => r.progress,
		rating: (r) => r.rating ?? -1,
		started: (r) => r.startedAt ?? "0001-01-01",
		completed: (r) => r.completedAt ?? "0001-01-01",
		time: (r) => r.minutesLeft ?? 2147483647,
		year: (r) => r.releaseDate ?? "0001-01-01",
		type: (r) => r.mediaType,
		updated: (r) => r.updatedAt,
		status: (r) => ["in_progress", "planning", "paused", "completed", "dropped"].indexOf(r.status),
	};

	it("pages every sort by key, in order, visiting each entry exactly once", async () => {
		const cookie = await personWithMany();
		for (const [sort, value] of Object.entries(sortValue)) {
			for (const dir of ["asc", "desc"]) {
				const seen: (Row & { updatedAt: string })[] = [];
				let after: string | null = null;
				for (let guard = 0; guard < 10; guard++) {
					const query = new URLSearchParams({ sort, dir, size: "25", ...(after ? { after } : {}) });
					const page = await list(cookie, query.toString());
					seen.push(...(page.rows as (Row & { updatedAt: string })[]));
					after = page.nextCursor;
					if (!after) break;
				}
				expect(seen.length, `${sort} ${dir}`).toBe(70);
				expect(new Set(seen.map((r) => r.mediaId)).size, `${sort} ${dir}`).toBe(70);
				const values = seen.map(value);
				for (let i = 1; i < values.length; i++) {
					const [a, b] = dir === "asc" ? [values[i - 1], values[i]] : [values[i], values[i - 1]];
					if (typeof a === "number") expect(a <= (b as number), `${sort} ${dir} at ${i}`).toBe(true);
				}
			}
		}
	});

	it("each filter narrows the list in SQL", async () => {
		const cookie = await personWithMany();
		const all = (await list(cookie, "size=100")).rows;
		const check = async (query: string, keep: (r: Row) => boolean) => {
			const rows = (await list(cookie, `size=100&${query}`)).rows;
			const expected = all
				.filter(keep)
				.map((r) => r.mediaId)
				.sort();
			expect(expected.length, query).toBeGreaterThan(0);
			expect(expected.length, query).toBeLessThan(all.length);
			expect(rows.map((r) => r.mediaId).sort(), query).toEqual(expected);
		};
		await check("status=completed", (r) => r.status === "completed");
		await check("status=planning&status=paused", (r) => r.status === "planning" || r.status === "paused");
		const type = all[0].mediaType;
		await check(`type=${type}`, (r) => r.mediaType === type);
		await check("ratingMin=30&ratingMax=70", (r) => r.rating !== null && r.rating >= 30 && r.rating <= 70);
		await check(
			"startedFrom=2023-03-01&startedTo=2023-06-30",
			(r) => !!r.startedAt && r.startedAt >= "2023-03-01" && r.startedAt <= "2023-06-30",
		);
		await check("completedFrom=2024-02-01", (r) => !!r.completedAt && r.completedAt >= "2024-02-01");
		const word = all[0].title.split(/\s+/).find((w) => w.length > 4) ?? all[0].title;
		const search = (await list(cookie, `q=${encodeURIComponent(word)}`)).rows;
		expect(search.map((r) => r.mediaId)).toContain(all[0].mediaId);
		expect(search.length).toBeLessThan(all.length);
		// Garbage in the URL falls back to defaults, never a 500.
		for (const junk of ["startedFrom=2024-13-40", "sort=password", "after=zzz", "completedTo=%00", "status=binging"]) {
			expect((await list(cookie, junk)).rows.length, junk).toBe(50);
		}
	});
});
