import type { MediaType } from "../../db/schema/columns";

export const mediaTypeLabels: Record<MediaType, string> = {
	movie: "Films",
	series: "Series",
	anime: "Anime",
	manga: "Manga",
	book: "Books",
	webnovel: "Web novels",
	graphic_novel: "Graphic novels",
	game: "Games",
	visual_novel: "Visual novels",
	podcast: "Podcasts",
	album: "Albums",
};
