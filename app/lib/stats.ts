import { type EntryStatus, entryStatuses, type MediaType, mediaTypes } from "../../db/schema/columns";
import { fromStoredRating, type RatingScale } from "./rating";

/** One (media type, status) group of a person's entries, as the breakdown query returns it. */
export type BreakdownRow = {
	mediaType: MediaType;
	status: EntryStatus;
	entries: number;
	/** Entries whose work has no length data, so they add nothing to the minutes. */
	untimed: number;
	/** Estimated minutes of the whole works. */
	minutes: number;
	/** Completed works in full plus in-progress works by their progress share. */
	minutesSpent: number;
};

export type StatusCounts = Record<EntryStatus, number>;

export type TypeStats = {
	mediaType: MediaType;
	entries: number;
	byStatus: StatusCounts;
	minutesSpent: number;
	minutesPlanned: number;
};

export type StatusStats = { status: EntryStatus; entries: number; minutes: number; minutesSpent: number };

export type Totals = {
	entries: number;
	completed: number;
	minutesSpent: number;
	minutesPlanned: number;
	untimed: number;
};

const noStatuses = (): StatusCounts => Object.fromEntries(entryStatuses.map((status) => [status, 0])) as StatusCounts;

/**
 * Per-type and per-status figures from the (type, status) groups. Types without entries are left
 * out (most people track a few kinds of media); every status is kept, in the app's status order.
 */
export function summariseBreakdown(rows: BreakdownRow[]): {
	totals: Totals;
	byType: TypeStats[];
	byStatus: StatusStats[];
} {
	const types = new Map<MediaType, TypeStats>();
	const statuses = new Map<EntryStatus, StatusStats>(
		entryStatuses.map((status) => [status, { status, entries: 0, minutes: 0, minutesSpent: 0 }]),
	);
	const totals: Totals = { entries: 0, completed: 0, minutesSpent: 0, minutesPlanned: 0, untimed: 0 };
	for (const row of rows) {
		const planned = row.status === "planning" ? row.minutes : 0;
		let type = types.get(row.mediaType);
		if (!type) {
			type = { mediaType: row.mediaType, entries: 0, byStatus: noStatuses(), minutesSpent: 0, minutesPlanned: 0 };
			types.set(row.mediaType, type);
		}
		type.entries += row.entries;
		type.byStatus[row.status] += row.entries;
		type.minutesSpent += row.minutesSpent;
		type.minutesPlanned += planned;
		const status = statuses.get(row.status);
		if (status) {
			status.entries += row.entries;
			status.minutes += row.minutes;
			status.minutesSpent += row.minutesSpent;
		}
		totals.entries += row.entries;
		if (row.status === "completed") totals.completed += row.entries;
		totals.minutesSpent += row.minutesSpent;
		totals.minutesPlanned += planned;
		totals.untimed += row.untimed;
	}
	const byType = [...types.values()].sort(
		(a, b) => b.entries - a.entries || mediaTypes.indexOf(a.mediaType) - mediaTypes.indexOf(b.mediaType),
	);
	return { totals, byType, byStatus: [...statuses.values()] };
}

export type RatingBucket = { label: string; entries: number };
export type RatingStats = { rated: number; mean: number | null; buckets: RatingBucket[] };

function scaleNumber(value: number, scale: RatingScale): string {
	if (scale !== 5) return String(value);
	const whole = Math.floor(value);
	if (value === whole) return String(whole);
	return whole === 0 ? "½" : `${whole}½`;
}

/**
 * Ratings in ten buckets of the person's scale: half stars on 5, whole points on 10, tens on 100
 * (1–10 … 91–100). A rating of 0 joins the lowest bucket, whose label says so ("0–1", "0–½", "0–10").
 * Each rating is first read as the person reads it in their list (fromStoredRating), so a 55 stored
 * under another scale lands where the list shows it.
 */
export function ratingDistribution(rows: { rating: number; entries: number }[], scale: RatingScale): RatingStats {
	const step = scale / 10;
	const buckets: RatingBucket[] = Array.from({ length: 10 }, (_, i) => {
		const top = (i + 1) * step;
		const label =
			scale === 100
				? `${i === 0 ? 0 : i * step + 1}–${top}`
				: i === 0
					? `0–${scaleNumber(top, scale)}`
					: scaleNumber(top, scale);
		return { label, entries: 0 };
	});
	let rated = 0;
	let sum = 0;
	for (const { rating, entries } of rows) {
		const shown = fromStoredRating(rating, scale);
		const index = Math.min(Math.max(Math.ceil(shown / step - 1e-9), 1), 10) - 1;
		buckets[index].entries += entries;
		rated += entries;
		sum += rating * entries;
	}
	// The mean of the stored values, read on the person's scale with one decimal (two steps finer than 5's halves).
	const mean = rated === 0 ? null : Math.round((sum / rated / 100) * scale * 10) / 10;
	return { rated, mean, buckets };
}

const monthNames = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];

/** "2025-03" as "Mar" (axis) and "March 2025" (table, tooltip); fixed English so server and browser agree. */
export function monthLabels(month: string): { short: string; long: string } {
	const [year, number] = month.split("-");
	const name = monthNames[Number(number) - 1] ?? month;
	return { short: name.slice(0, 3), long: `${name} ${year}` };
}

/** The person's mean rating as text, e.g. "7.5 / 10" or "3.9 / 5". */
export function formatMean(mean: number | null, scale: RatingScale): string {
	return mean === null ? "—" : `${mean} / ${scale}`;
}
