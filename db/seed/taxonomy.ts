import type { MediaType } from "../schema/columns";

/** The media-class tree the sidebar shows; leaf classes name the media_type they hold. */
export const mediaClassTree: { path: string; label: string; mediaType: MediaType | null }[] = [
	{ path: "video", label: "Video", mediaType: null },
	{ path: "video.film", label: "Films", mediaType: "movie" },
	{ path: "video.series", label: "Series", mediaType: "series" },
	{ path: "video.series.anime", label: "Anime", mediaType: "anime" },
	{ path: "written", label: "Written", mediaType: null },
	{ path: "written.books", label: "Books", mediaType: "book" },
	{ path: "written.books.webnovel", label: "Web novels", mediaType: "webnovel" },
	{ path: "written.comics", label: "Comics", mediaType: null },
	{ path: "written.comics.manga", label: "Manga", mediaType: "manga" },
	{ path: "written.comics.graphic_novel", label: "Graphic novels", mediaType: "graphic_novel" },
	{ path: "interactive", label: "Interactive", mediaType: null },
	{ path: "interactive.game", label: "Games", mediaType: "game" },
	{ path: "interactive.game.visual_novel", label: "Visual novels", mediaType: "visual_novel" },
	{ path: "audio", label: "Audio", mediaType: null },
	{ path: "audio.podcast", label: "Podcasts", mediaType: "podcast" },
	{ path: "audio.album", label: "Albums", mediaType: "album" },
];

export const classOfType = Object.fromEntries(
	mediaClassTree.filter((node) => node.mediaType).map((node) => [node.mediaType, node.path]),
) as Record<MediaType, string>;
