import type { ColumnKey, SortKey } from "./filter-spec";

export const columns: Record<ColumnKey, { label: string; sort: SortKey | null }> = {
	title: { label: "Title", sort: "title" },
	type: { label: "Type", sort: "type" },
	class: { label: "Class", sort: null },
	year: { label: "Year", sort: "year" },
	creators: { label: "Creators", sort: null },
	country: { label: "Country", sort: "country" },
	time: { label: "Est. time", sort: "time" },
	rating: { label: "Community rating", sort: "rating" },
	status: { label: "My status", sort: null },
};

export const statusLabels = {
	planning: "Planning",
	in_progress: "In progress",
	completed: "Completed",
	paused: "Paused",
	dropped: "Dropped",
} as const;

/** Minutes as people read them: "45 min", "3 h 20 min", "12 days". */
export function formatMinutes(minutes: number | null): string {
	if (minutes === null || minutes === undefined) return "—";
	if (minutes < 60) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
	return `${Math.round(hours / 24)} days`;
}
