import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type EntryChange, updateEntry } from "~/models/entries.server";
import { statsQueries, type UserStats } from "~/models/stats.server";
import { addEntry } from "~/models/tracking.server";
import { loader as statsLoader } from "~/routes/lists.stats";
import { action as registerAction } from "~/routes/register";
import type { EntryStatus } from "../../db/schema";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

type StatsPage = UserStats & { ratingScale: number };

async function signUp(ratingScale: string) {
	const person = newPerson({ ratingScale });
	const cookie = cookiesFrom(await callRoute(registerAction, { form: person }));
	const [{ id }] = await queryRows<{ id: string }>(sql`select id from users.users where email = ${person.email}`);
	return { cookie, userId: id };
}

async function track(userId: string, key: string, status: EntryStatus, change: EntryChange = {}) {
	const mediaId = stableId(key);
	expect(await addEntry({ userId, mediaId, status }), key).toBe("added");
	if (Object.keys(change).length > 0) expect(await updateEntry({ userId, mediaId, change }), key).toEqual({ ok: true });
}

async function statsOf(cookie: string) {
	const result = await callRoute(statsLoader, { cookie, url: "http://localhost/lists/stats" });
	expect(result.status).toBe(200);
	return result.body as StatsPage;
}

const expectedLengths = {
	"movie-star-wars-1977": 121,
	"movie-the-empire-strikes-back-1980": 124,
	"movie-return-of-the-jedi-1983": 131,
	"anime-neon-genesis-evangelion-1995": 624, // 26 episodes × 24 min
	"manga-neon-genesis-evangelion-1994": 630, // 14 volumes × 45, and no chapter count to measure progress in
	"game-league-of-legends-2009": null, // no length data
	"game-the-witcher-2007": 2100, // 35 h
	"book-the-last-wish-1993": 346, // 288 pages × 1.2
	"series-the-mandalorian-2019": 960, // 24 × 40
	"podcast-welcome-to-night-vale-2012": 6500, // 260 × 25
	"album-star-wars-original-soundtrack-1977": 74,
};

// Dates from the database's clock, which is the one the month buckets use.
let days: {
	today: string;
	twoMonthsAgo: string;
	thirteenMonthsAgo: string;
	thisMonth: string;
	twoMonthsAgoMonth: string;
};
let alice: { cookie: string; userId: string };
let bob: { cookie: string; userId: string };

beforeAll(async () => {
	[days] = await queryRows<typeof days>(sql`
		select to_char(current_date, 'YYYY-MM-DD') as "today",
		       to_char(current_date - interval '2 months', 'YYYY-MM-DD') as "twoMonthsAgo",
		       to_char(current_date - interval '13 months', 'YYYY-MM-DD') as "thirteenMonthsAgo",
		       to_char(current_date, 'YYYY-MM') as "thisMonth",
		       to_char(current_date - interval '2 months', 'YYYY-MM') as "twoMonthsAgoMonth"`);

	// The works' estimated lengths (media.estimated_minutes) the expected numbers below are built from.
	const lengths = await queryRows<{ id: string; minutes: number | null }>(sql`
		select id, media.estimated_minutes(media_type, attributes) as minutes from media.media
		where id in (${sql.join(
			Object.keys(expectedLengths).map((key) => sql`${stableId(key)}::uuid`),
			sql`, `,
		)})`);
	expect(
		Object.fromEntries(
			Object.keys(expectedLengths).map((key) => [key, lengths.find((row) => row.id === stableId(key))?.minutes]),
		),
	).toEqual(expectedLengths);

	alice = await signUp("10");
	const a = alice.userId;
	await track(a, "movie-star-wars-1977", "planning", {
		status: "completed",
		startedAt: days.today,
		completedAt: days.today,
		rating: 80,
	});
	await track(a, "movie-the-empire-strikes-back-1980", "planning", {
		status: "completed",
		startedAt: days.twoMonthsAgo,
		completedAt: days.twoMonthsAgo,
		rating: 100,
	});
	await track(a, "movie-return-of-the-jedi-1983", "planning");
	await track(a, "anime-neon-genesis-evangelion-1995", "in_progress", { progress: 13, rating: 90 }); // 13/26 of 624
	await track(a, "manga-neon-genesis-evangelion-1994", "in_progress", { progress: 5 }); // no chapter total: share 0
	await track(a, "game-league-of-legends-2009", "planning");
	await track(a, "game-the-witcher-2007", "in_progress", { progress: 7 }); // 7/35 h of 2100 min
	await track(a, "book-the-last-wish-1993", "in_progress", { progress: 100 }); // 100/288 of 346 = 120.1
	await track(a, "series-the-mandalorian-2019", "planning", {
		status: "completed",
		startedAt: days.thirteenMonthsAgo,
		completedAt: days.thirteenMonthsAgo,
		rating: 30,
	});
	await track(a, "podcast-welcome-to-night-vale-2012", "dropped", { progress: 10, rating: 0 });

	// Bob tracks some of the same works and more; none of it may reach Alice's page.
	bob = await signUp("100");
	await track(bob.userId, "movie-star-wars-1977", "completed", { rating: 55 });
	await track(bob.userId, "movie-return-of-the-jedi-1983", "completed", { rating: 71 });
	await track(bob.userId, "album-star-wars-original-soundtrack-1977", "planning");
	await track(bob.userId, "anime-neon-genesis-evangelion-1995", "completed");
});

describe("/lists/stats", () => {
	it("counts entries and estimated time per media type and per status", async () => {
		const stats = await statsOf(alice.cookie);
		expect(stats.ratingScale).toBe(10);
		expect(stats.totals).toEqual({
			entries: 10,
			completed: 3,
			// 121 + 124 + 960 completed; 312 + 0 + 420 + 120 in progress; the dropped podcast 10 of 260
			// episodes of 25 minutes: 250.
			minutesSpent: 2307,
			minutesPlanned: 131,
			untimed: 1,
		});
		expect(
			stats.byType.map((t) => ({
				type: t.mediaType,
				entries: t.entries,
				spent: t.minutesSpent,
				planned: t.minutesPlanned,
			})),
		).toEqual([
			{ type: "movie", entries: 3, spent: 245, planned: 131 },
			{ type: "game", entries: 2, spent: 420, planned: 0 },
			{ type: "series", entries: 1, spent: 960, planned: 0 },
			{ type: "anime", entries: 1, spent: 312, planned: 0 },
			{ type: "manga", entries: 1, spent: 0, planned: 0 },
			{ type: "book", entries: 1, spent: 120, planned: 0 },
			{ type: "podcast", entries: 1, spent: 250, planned: 0 },
		]);
		expect(stats.byType[0].byStatus).toEqual({ planning: 1, in_progress: 0, completed: 2, paused: 0, dropped: 0 });
		expect(stats.byType[1].byStatus).toEqual({ planning: 1, in_progress: 1, completed: 0, paused: 0, dropped: 0 });
		expect(stats.byStatus).toEqual([
			{ status: "planning", entries: 2, minutes: 131, minutesSpent: 0 },
			{ status: "in_progress", entries: 4, minutes: 624 + 630 + 2100 + 346, minutesSpent: 852 },
			{ status: "completed", entries: 3, minutes: 1205, minutesSpent: 1205 },
			{ status: "paused", entries: 0, minutes: 0, minutesSpent: 0 },
			{ status: "dropped", entries: 1, minutes: 6500, minutesSpent: 250 },
		]);
	});

	it("counts completions in each of the last 12 months, oldest first, and nothing older", async () => {
		const { months } = await statsOf(alice.cookie);
		expect(months).toHaveLength(12);
		expect(months[11].month).toBe(days.thisMonth);
		expect(months[9].month).toBe(days.twoMonthsAgoMonth);
		expect([...months].sort((a, b) => a.month.localeCompare(b.month))).toEqual(months);
		const counted = months.filter((m) => m.completed > 0);
		expect(counted).toEqual([
			{ month: days.twoMonthsAgoMonth, completed: 1, minutes: 124 },
			{ month: days.thisMonth, completed: 1, minutes: 121 },
		]);
	});

	it("buckets ratings on the person's own scale", async () => {
		const { ratings } = await statsOf(alice.cookie);
		expect(ratings.rated).toBe(5);
		expect(ratings.mean).toBe(6); // (80 + 100 + 90 + 30 + 0) / 5 = 60 → 6 on 10
		expect(Object.fromEntries(ratings.buckets.map((b) => [b.label, b.entries]))).toEqual({
			"0–1": 1,
			"2": 0,
			"3": 1,
			"4": 0,
			"5": 0,
			"6": 0,
			"7": 0,
			"8": 1,
			"9": 1,
			"10": 1,
		});

		const other = await statsOf(bob.cookie);
		expect(other.ratingScale).toBe(100);
		expect(other.ratings.buckets.map((b) => b.entries)).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
		expect(other.ratings.buckets[5].label).toBe("51–60");
		expect(other.ratings.mean).toBe(63);
	});

	it("never counts another person's entries", async () => {
		const other = await statsOf(bob.cookie);
		expect(other.totals).toEqual({
			entries: 4,
			completed: 3,
			minutesSpent: 121 + 131 + 624,
			minutesPlanned: 74,
			untimed: 0,
		});
		expect(other.byType.map((t) => [t.mediaType, t.entries])).toEqual([
			["movie", 2],
			["anime", 1],
			["album", 1],
		]);
		expect(other.months.reduce((sum, m) => sum + m.completed, 0)).toBe(3);
		expect(other.ratings.rated).toBe(2);
		// Alice's figures above are exact, so Bob's entries did not reach them either.
	});

	it("gives a person with no entries zeros, no types and no ratings", async () => {
		const { cookie } = await signUp("5");
		const stats = await statsOf(cookie);
		expect(stats.totals).toEqual({ entries: 0, completed: 0, minutesSpent: 0, minutesPlanned: 0, untimed: 0 });
		expect(stats.byType).toEqual([]);
		expect(stats.months.map((m) => m.completed)).toEqual(Array(12).fill(0));
		expect(stats.ratings).toMatchObject({ rated: 0, mean: null });
		expect(stats.ratings.buckets.map((b) => b.label)).toEqual(["0–½", "1", "1½", "2", "2½", "3", "3½", "4", "4½", "5"]);
	});

	it("sends a signed-out visitor to sign in and back", async () => {
		const result = await callRoute(statsLoader, { url: "http://localhost/lists/stats" });
		expect(result.status).toBe(302);
		expect(result.location).toBe(`/login?${new URLSearchParams({ redirectTo: "/lists/stats" })}`);
	});
});

type PlanNode = { "Relation Name"?: string; Plans?: PlanNode[] };

function relationsOf(node: PlanNode, found: string[] = []): string[] {
	if (node["Relation Name"]) found.push(node["Relation Name"]);
	for (const child of node.Plans ?? []) relationsOf(child, found);
	return found;
}

describe("stats queries", () => {
	for (const name of ["breakdown", "months", "ratings"] as const) {
		it(`${name}: reads exactly one partition of user_media`, async () => {
			const [row] = await queryRows<Record<string, unknown>>(
				sql`explain (format json) ${statsQueries(alice.userId)[name]}`,
			);
			const raw = Object.values(row)[0];
			const [plan] = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
			const partitions = new Set(relationsOf(plan.Plan).filter((relation) => relation.startsWith("user_media")));
			expect([...partitions]).toHaveLength(1);
			expect([...partitions][0]).toMatch(/^user_media_p\d\d$/);
		});
	}
});
