import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as catalogAction } from "~/routes/catalog._index";
import { action as listAction, loader as listLoader } from "~/routes/lists._index";
import { action as registerAction } from "~/routes/register";
import { stableId } from "../../db/seed/ids";
import { rebuildEntryTotals } from "../../db/stats-rebuild";
import { callRoute, cookiesFrom, newPerson, queryRows, totalsAndRecount } from "./helpers";

/**
 * An entry's meta_snapshot (migrations/0008) holds the facts of its work that my list sorts by; the
 * time-left and year sorts read it through their indexes, so it must follow the work when the work
 * changes, and so must the person's totals (migrations/0006).
 */

const book = stableId("book-the-fellowship-of-the-ring-1954");
const film = stableId("movie-spirited-away-2001");
const anime = stableId("anime-frieren-2023");

type Row = { mediaId: string; title: string; minutesLeft: number | null; releaseDate: string | null };

async function person() {
	const form = newPerson({});
	const cookie = cookiesFrom(await callRoute(registerAction, { form }));
	const [{ id }] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${form.username}`);
	return { cookie, id };
}

async function add(cookie: string, mediaId: string, status: string) {
	expect((await callRoute(catalogAction, { cookie, form: { intent: "add", mediaId, status } })).status).toBe(302);
}

async function rows(cookie: string, query: string): Promise<Row[]> {
	const result = await callRoute(listLoader, { cookie, url: `http://localhost/lists?${query}` });
	expect(result.status).toBe(200);
	return (result.body as { page: { rows: Row[] } }).page.rows;
}

const snapshots = (userId: string) =>
	queryRows<{ media_id: string; stored: unknown; fresh: unknown }>(sql`
		select um.media_id, um.meta_snapshot as stored, media.snapshot(m.title, m.media_type, m.release_date, m.attributes) as fresh
		from interaction.user_media um join media.media m on m.id = um.media_id
		where um.user_id = ${userId} order by um.media_id`);

describe("an entry's snapshot of its work", () => {
	it("is written with the entry: title, kind, release date, minutes and progress total", async () => {
		const { cookie, id } = await person();
		await add(cookie, book, "planning");
		await add(cookie, film, "completed");
		const [stored] = await snapshots(id).then((all) => all.filter((row) => row.media_id === book));
		expect(stored.stored).toEqual(stored.fresh);
		expect(stored.stored).toMatchObject({
			title: "The Fellowship of the Ring",
			mediaType: "book",
			released: expect.stringMatching(/^1954-\d\d-\d\d$/),
			total: expect.any(Number),
			minutes: expect.any(Number),
		});
		// The list's time left (from the work) and the time sort's key (from the snapshot) agree.
		const byTime = await rows(cookie, "sort=time&dir=asc");
		expect(byTime.map((row) => row.mediaId)).toEqual([film, book]);
		expect(byTime[0].minutesLeft).toBe(0);
	});

	it("follows the work when it changes, and the person's totals and sorts follow with it", async () => {
		const { cookie, id } = await person();
		const other = await person();
		await add(cookie, book, "in_progress");
		await add(cookie, anime, "planning");
		await add(cookie, film, "planning");
		await add(other.cookie, anime, "paused");
		const update = await callRoute(listAction, {
			cookie,
			url: "http://localhost/lists?index",
			form: { intent: "update", mediaId: book, status: "in_progress", progress: "100", rating: "", returnTo: "/lists" },
		});
		expect(update.status).toBe(302);

		const before = await rows(cookie, "sort=year&dir=asc");
		expect(before.map((row) => row.mediaId)).toEqual([book, film, anime]);

		// The anime gains episodes, is renamed and re-dated before the book.
		await queryRows(sql`
			update media.media
			set title = 'Aaa Frieren (renamed)', release_date = date '1950-01-01',
			    attributes = jsonb_set(attributes, '{episodes}', to_jsonb((attributes ->> 'episodes')::int + 10))
			where id = ${anime}`);
		// The book gets longer: its time left grows, and the person's totals with it.
		await queryRows(sql`
			update media.media set attributes = jsonb_set(attributes, '{pages}', to_jsonb((attributes ->> 'pages')::int + 500))
			where id = ${book}`);

		for (const who of [id, other.id]) {
			for (const row of await snapshots(who)) expect(row.stored).toEqual(row.fresh);
			const { kept, recounted } = await totalsAndRecount(who);
			expect(kept).toEqual(recounted);
		}
		const byYear = await rows(cookie, "sort=year&dir=asc");
		expect(byYear.map((row) => row.mediaId)).toEqual([anime, book, film]);
		expect(byYear[0].releaseDate).toBe("1950-01-01");
		const byTitle = await rows(cookie, "sort=title&dir=asc");
		expect(byTitle[0].title).toBe("Aaa Frieren (renamed)");
		// Time left, as shown (from the work) and as sorted (from the snapshot), in step.
		const byTime = await rows(cookie, "sort=time&dir=desc");
		const shown = byTime.map((row) => row.minutesLeft ?? Number.MAX_SAFE_INTEGER);
		expect(shown).toEqual([...shown].sort((a, b) => b - a));
		expect(shown.every((minutes) => minutes > 0)).toBe(true);
	});

	it("stats:rebuild puts stale snapshots and drifted totals right, and finds nothing after", async () => {
		const { cookie, id } = await person();
		await add(cookie, book, "planning");
		await add(cookie, anime, "in_progress");
		expect(await rebuildEntryTotals()).toEqual({ snapshots: 0, totals: 0 });
		// What a bulk load with triggers off, or a hand edit, can leave behind.
		await queryRows(
			sql`update interaction.user_media set meta_snapshot = '{}' where user_id = ${id} and media_id = ${book}`,
		);
		await queryRows(
			sql`update interaction.user_media_totals set entries = entries + 5 where user_id = ${id} and entries > 0`,
		);
		await queryRows(sql`
			insert into interaction.user_media_totals (user_id, status, media_type, media_class, entries, minutes_left, minutes_spent)
			values (${id}, 'dropped', 'game', 'interactive', 3, 60, 0)`);
		expect(await rebuildEntryTotals()).toEqual({ snapshots: 1, totals: 3 });
		for (const row of await snapshots(id)) expect(row.stored).toEqual(row.fresh);
		const { kept, recounted } = await totalsAndRecount(id);
		expect(kept).toEqual(recounted);
		expect(await rebuildEntryTotals()).toEqual({ snapshots: 0, totals: 0 });
	});
});
