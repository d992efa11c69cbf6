import type { MediaType } from "../../db/schema/columns";

type Formatter = (value: unknown) => string;
const n: Formatter = (v) => (typeof v === "number" ? v.toLocaleString("en") : String(v));
const unit =
	(one: string, many: string): Formatter =>
	(v) =>
		`${n(v)} ${v === 1 ? one : many}`;
const list: Formatter = (v) => (Array.isArray(v) ? v.join(", ") : String(v));

/** Type-specific attributes worth showing, with labels and units, in display order. */
export const attributeLabels: Record<string, { label: string; format: Formatter }> = {
	runtime_min: { label: "Runtime", format: unit("minute", "minutes") },
	seasons: { label: "Seasons", format: n },
	episodes: { label: "Episodes", format: n },
	episode_min: { label: "Episode length", format: unit("minute", "minutes") },
	volumes: { label: "Volumes", format: n },
	chapters: { label: "Chapters", format: n },
	pages: { label: "Pages", format: n },
	issues: { label: "Issues", format: n },
	hours_to_beat: { label: "Time to beat (main story)", format: unit("hour", "hours") },
	platforms: { label: "Platforms", format: list },
	tracks: { label: "Tracks", format: n },
	length_min: { label: "Length", format: unit("minute", "minutes") },
	status: {
		label: "Publication",
		format: (v) => (v === "ongoing" ? "Ongoing" : v === "finished" ? "Finished" : String(v)),
	},
	studio: { label: "Studio", format: String },
	network: { label: "Network", format: String },
	format: { label: "Format", format: String },
	magazine: { label: "Magazine", format: String },
	platform: { label: "Published on", format: String },
	publisher: { label: "Publisher", format: String },
	label: { label: "Label", format: String },
	original_language: {
		label: "Original language",
		format: (v) => new Intl.DisplayNames(["en"], { type: "language" }).of(String(v)) ?? String(v),
	},
	original_title: { label: "Original title", format: String },
	genres: { label: "Genres", format: list },
};

export function describeAttributes(attributes: Record<string, unknown>): { label: string; value: string }[] {
	return Object.entries(attributeLabels)
		.filter(([key]) => attributes[key] !== undefined && attributes[key] !== null)
		.map(([key, { label, format }]) => ({ label, value: format(attributes[key]) }));
}

/** A link to the work on the source an external id belongs to. */
export function externalUrl(source: string, key: string, mediaType: MediaType): string | null {
	const k = encodeURIComponent(key);
	const video = mediaType === "movie" ? "movie" : "tv";
	const anilistKind = mediaType === "manga" ? "manga" : "anime";
	switch (source) {
		case "imdb":
			return `https://www.imdb.com/title/${k}/`;
		case "tmdb":
			return `https://www.themoviedb.org/${video}/${k}`;
		case "mal":
			return `https://myanimelist.net/${anilistKind}/${k}`;
		case "anilist":
			return `https://anilist.co/${anilistKind}/${k}`;
		case "openlibrary":
			return `https://openlibrary.org/works/${k}`;
		case "isbn":
			return `https://openlibrary.org/isbn/${k}`;
		case "igdb":
			return `https://www.igdb.com/games/${k}`;
		case "vndb":
			return `https://vndb.org/${k}`;
		case "musicbrainz":
			return `https://musicbrainz.org/release-group/${k}`;
		default:
			return null;
	}
}

export const sourceLabels: Record<string, string> = {
	imdb: "IMDb",
	tmdb: "TMDB",
	mal: "MyAnimeList",
	anilist: "AniList",
	openlibrary: "Open Library",
	isbn: "ISBN",
	igdb: "IGDB",
	vndb: "VNDB",
	musicbrainz: "MusicBrainz",
};
