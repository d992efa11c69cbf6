import { type ColumnKey, type Scope, type SortKey, scopeConfig } from "./filter-spec";

/** Column headers; `mine` is the header in my list, where rating, time and status are the person's own. */
export const columns: Record<ColumnKey, { label: string; mine?: string; sort: SortKey | null }> = {
	title: { label: "Title", sort: "title" },
	type: { label: "Type", sort: "type" },
	class: { label: "Class", sort: null },
	year: { label: "Year", sort: "year" },
	creators: { label: "Creators", sort: null },
	country: { label: "Country", sort: "country" },
	time: { label: "Est. time", mine: "Time left", sort: "time" },
	rating: { label: "Community rating", mine: "My rating", sort: "rating" },
	status: { label: "My status", mine: "Status", sort: "status" },
	progress: { label: "Progress", sort: "progress" },
	updated: { label: "Updated", sort: "updated" },
	started: { label: "Started", sort: "started" },
	completed: { label: "Completed", sort: "completed" },
	notes: { label: "Notes", sort: null },
	review: { label: "Review", sort: null },
	spoiler: { label: "Spoilers", sort: null },
};

export function columnLabel(key: ColumnKey, scope: Scope): string {
	const column = columns[key];
	return scope === "catalog" ? column.label : (column.mine ?? column.label);
}

/** The sort a column header offers in a view, if any. */
export function columnSort(key: ColumnKey, scope: Scope): SortKey | null {
	const sort = columns[key].sort;
	return sort && scopeConfig[scope].sorts.includes(sort) ? sort : null;
}

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
