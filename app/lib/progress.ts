import type { MediaType } from "../../db/schema/columns";

/** The unit progress is counted in for each media type, and the total from a work's attributes. */
export const progressUnits: Record<MediaType, { key: string; unit: string }> = {
	movie: { key: "runtime_min", unit: "minutes" },
	series: { key: "episodes", unit: "episodes" },
	anime: { key: "episodes", unit: "episodes" },
	podcast: { key: "episodes", unit: "episodes" },
	manga: { key: "chapters", unit: "chapters" },
	webnovel: { key: "chapters", unit: "chapters" },
	book: { key: "pages", unit: "pages" },
	graphic_novel: { key: "pages", unit: "pages" },
	game: { key: "hours_to_beat", unit: "hours" },
	visual_novel: { key: "hours_to_beat", unit: "hours" },
	album: { key: "tracks", unit: "tracks" },
};

export function progressTotal(mediaType: MediaType, attributes: Record<string, unknown>): number | null {
	const value = attributes[progressUnits[mediaType].key];
	return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}
