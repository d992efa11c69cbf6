import { describe, expect, it } from "vitest";
import { type BreakdownRow, formatMean, monthLabels, ratingDistribution, summariseBreakdown } from "./stats";

const row = (over: Partial<BreakdownRow> & Pick<BreakdownRow, "mediaType" | "status">): BreakdownRow => ({
	entries: 1,
	untimed: 0,
	minutes: 0,
	minutesSpent: 0,
	...over,
});

describe("summariseBreakdown", () => {
	it("adds the (type, status) groups up per type, per status and in total", () => {
		const { totals, byType, byStatus } = summariseBreakdown([
			row({ mediaType: "movie", status: "completed", entries: 2, minutes: 245, minutesSpent: 245 }),
			row({ mediaType: "movie", status: "planning", entries: 1, minutes: 124 }),
			row({ mediaType: "anime", status: "in_progress", entries: 1, minutes: 624, minutesSpent: 312 }),
			row({ mediaType: "game", status: "planning", entries: 1, untimed: 1 }),
			row({ mediaType: "book", status: "dropped", entries: 3, minutes: 900 }),
		]);
		expect(totals).toEqual({ entries: 8, completed: 2, minutesSpent: 557, minutesPlanned: 124, untimed: 1 });
		expect(byType.map((t) => [t.mediaType, t.entries, t.minutesSpent, t.minutesPlanned])).toEqual([
			["movie", 3, 245, 124],
			["book", 3, 0, 0],
			["anime", 1, 312, 0],
			["game", 1, 0, 0],
		]);
		expect(byType[0].byStatus).toEqual({ planning: 1, in_progress: 0, completed: 2, paused: 0, dropped: 0 });
		expect(byStatus).toEqual([
			{ status: "planning", entries: 2, minutes: 124, minutesSpent: 0 },
			{ status: "in_progress", entries: 1, minutes: 624, minutesSpent: 312 },
			{ status: "completed", entries: 2, minutes: 245, minutesSpent: 245 },
			{ status: "paused", entries: 0, minutes: 0, minutesSpent: 0 },
			{ status: "dropped", entries: 3, minutes: 900, minutesSpent: 0 },
		]);
	});

	it("gives zeros and no types for a person with no entries", () => {
		const { totals, byType, byStatus } = summariseBreakdown([]);
		expect(totals.entries).toBe(0);
		expect(byType).toEqual([]);
		expect(byStatus.map((s) => s.entries)).toEqual([0, 0, 0, 0, 0]);
	});
});

describe("ratingDistribution", () => {
	const counts = (stats: ReturnType<typeof ratingDistribution>) => stats.buckets.map((b) => b.entries);

	it("uses ten buckets of tens on the 100 scale, 0 joining the lowest", () => {
		const stats = ratingDistribution(
			[
				{ rating: 0, entries: 1 },
				{ rating: 10, entries: 1 },
				{ rating: 11, entries: 2 },
				{ rating: 95, entries: 1 },
				{ rating: 100, entries: 1 },
			],
			100,
		);
		expect(stats.buckets.map((b) => b.label)).toEqual([
			"0–10",
			"11–20",
			"21–30",
			"31–40",
			"41–50",
			"51–60",
			"61–70",
			"71–80",
			"81–90",
			"91–100",
		]);
		expect(counts(stats)).toEqual([2, 2, 0, 0, 0, 0, 0, 0, 0, 2]);
		expect(stats.rated).toBe(6);
		expect(stats.mean).toBe(37.8);
	});

	it("uses whole points on the 10 scale, reading each rating as the list shows it", () => {
		// 55 (entered on another scale) shows as 6 in the list, so it counts as a 6.
		const stats = ratingDistribution(
			[
				{ rating: 70, entries: 3 },
				{ rating: 55, entries: 1 },
				{ rating: 100, entries: 1 },
			],
			10,
		);
		expect(stats.buckets.map((b) => b.label)).toEqual(["0–1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
		expect(counts(stats)).toEqual([0, 0, 0, 0, 0, 1, 3, 0, 0, 1]);
		expect(stats.mean).toBe(7.3);
		expect(formatMean(stats.mean, 10)).toBe("7.3 / 10");
	});

	it("uses half stars on the 5 scale", () => {
		const stats = ratingDistribution(
			[
				{ rating: 90, entries: 1 },
				{ rating: 10, entries: 1 },
				{ rating: 60, entries: 2 },
			],
			5,
		);
		expect(stats.buckets.map((b) => b.label)).toEqual(["0–½", "1", "1½", "2", "2½", "3", "3½", "4", "4½", "5"]);
		expect(counts(stats)).toEqual([1, 0, 0, 0, 0, 2, 0, 0, 1, 0]);
		expect(stats.mean).toBe(2.8);
	});

	it("has no mean without ratings", () => {
		const stats = ratingDistribution([], 10);
		expect(stats).toMatchObject({ rated: 0, mean: null });
		expect(formatMean(stats.mean, 10)).toBe("—");
	});
});

describe("monthLabels", () => {
	it("names the month short for the axis and long for the table", () => {
		expect(monthLabels("2025-03")).toEqual({ short: "Mar", long: "March 2025" });
		expect(monthLabels("2024-12")).toEqual({ short: "Dec", long: "December 2024" });
	});
});
