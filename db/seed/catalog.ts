import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type MediaType, mediaTypes } from "../schema/columns";
import { classOfType } from "./taxonomy";

export const catalogDir = fileURLToPath(new URL("./catalog", import.meta.url));

const ltreePath = z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, "ltree path of [a-z0-9_] labels");
const count = z.number().int().nonnegative();
const minutes = z.number().positive();
const text = z.string().trim().min(1);

// Type-specific attributes: the known keys are checked; unknown keys are refused so typos surface.
const attributeShapes: Record<MediaType, z.ZodObject> = {
	movie: z.strictObject({ runtime_min: minutes.int() }),
	series: z.strictObject({ seasons: count, episodes: count, episode_min: minutes, network: text.optional() }),
	anime: z.strictObject({
		episodes: count,
		episode_min: minutes,
		studio: text.optional(),
		format: z.enum(["TV", "OVA", "ONA"]).optional(),
	}),
	manga: z.strictObject({
		volumes: count.optional(),
		chapters: count.optional(),
		status: z.enum(["finished", "ongoing"]),
		magazine: text.optional(),
	}),
	book: z.strictObject({
		pages: count.positive(),
		original_language: z
			.string()
			.regex(/^[a-z]{2}$/)
			.optional(),
	}),
	webnovel: z.strictObject({
		chapters: count.positive(),
		platform: text.optional(),
		status: z.enum(["finished", "ongoing"]).optional(),
	}),
	graphic_novel: z.strictObject({ pages: count.positive(), issues: count.optional(), publisher: text.optional() }),
	// Optional: games with no story to finish (League of Legends) have no time to beat.
	game: z.strictObject({
		hours_to_beat: minutes.optional(),
		platforms: z.array(text).min(1),
		publisher: text.optional(),
	}),
	visual_novel: z.strictObject({ hours_to_beat: minutes, platforms: z.array(text).min(1) }),
	podcast: z.strictObject({
		episodes: count,
		episode_min: minutes,
		network: text.optional(),
		status: z.enum(["finished", "ongoing"]).optional(),
	}),
	album: z.strictObject({ tracks: count.positive(), length_min: minutes, label: text.optional() }),
};

export const DemoWork = z
	.strictObject({
		key: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase slug"),
		type: z.enum(mediaTypes),
		class: ltreePath,
		title: text.max(500),
		originalTitle: text.optional(),
		releaseDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "YYYY, YYYY-MM or YYYY-MM-DD"),
		country: z.string().regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2"),
		creators: z.array(text).min(1).max(6),
		genres: z.array(text).max(6).default([]),
		attributes: z.record(z.string(), z.unknown()),
		franchise: ltreePath.optional(),
		external: z
			.partialRecord(
				z.enum(["imdb", "tmdb", "mal", "anilist", "openlibrary", "igdb", "vndb", "musicbrainz", "isbn"]),
				z.string().min(1),
			)
			.optional(),
	})
	.superRefine((work, ctx) => {
		if (work.class !== classOfType[work.type]) {
			ctx.addIssue({ code: "custom", path: ["class"], message: `${work.type} belongs in ${classOfType[work.type]}` });
		}
		const attributes = attributeShapes[work.type].safeParse(work.attributes);
		if (!attributes.success) {
			for (const issue of attributes.error.issues) {
				ctx.addIssue({ code: "custom", path: ["attributes", ...issue.path.map(String)], message: issue.message });
			}
		}
		const [year, month = 1, day = 1] = work.releaseDate.split("-").map(Number);
		const date = new Date(Date.UTC(year, month - 1, day));
		if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1000) {
			ctx.addIssue({ code: "custom", path: ["releaseDate"], message: "not a calendar date" });
		}
	});
export type DemoWork = z.infer<typeof DemoWork>;

export type DemoCatalog = { works: DemoWork[]; collections: Record<string, string> };

export class CatalogError extends Error {}

/** Reads and validates every file of the demo catalog; throws one error listing every problem. */
export function loadDemoCatalog(dir = catalogDir): DemoCatalog {
	const problems: string[] = [];
	const works: DemoWork[] = [];
	const collections: Record<string, string> = {};
	const files = readdirSync(dir)
		.filter((name) => name.endsWith(".json"))
		.sort();
	for (const file of files) {
		const raw = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
		if (file.startsWith("collections")) {
			const parsed = z.record(ltreePath, text).safeParse(raw);
			if (!parsed.success) problems.push(`${file}: ${parsed.error.message}`);
			else for (const [node, label] of Object.entries(parsed.data)) collections[node] ??= label;
			continue;
		}
		const type = file.replace(/\.json$/, "");
		if (!(mediaTypes as readonly string[]).includes(type)) {
			problems.push(`${file}: not a media type file`);
			continue;
		}
		if (!Array.isArray(raw)) {
			problems.push(`${file}: expected an array of works`);
			continue;
		}
		raw.forEach((item, index) => {
			const parsed = DemoWork.safeParse(item);
			const label = `${file}[${index}] ${(item as { key?: string })?.key ?? ""}`;
			if (!parsed.success) {
				for (const issue of parsed.error.issues) problems.push(`${label}: ${issue.path.join(".")}: ${issue.message}`);
				return;
			}
			if (parsed.data.type !== type) problems.push(`${label}: type ${parsed.data.type} in ${file}`);
			works.push(parsed.data);
		});
	}
	const seen = new Set<string>();
	for (const work of works) {
		if (seen.has(work.key)) problems.push(`duplicate key ${work.key}`);
		seen.add(work.key);
		if (!work.franchise) continue;
		const labels = work.franchise.split(".");
		for (let depth = 1; depth < labels.length; depth++) {
			const node = labels.slice(0, depth).join(".");
			if (!collections[node]) problems.push(`${work.key}: franchise node ${node} has no label`);
		}
	}
	if (problems.length > 0)
		throw new CatalogError(`Demo catalog has ${problems.length} problem(s):\n${problems.join("\n")}`);
	return { works, collections };
}

/** First day of the stated period, and how precise the stated date is. */
export function releaseDateOf(work: DemoWork): { date: string; precision: "day" | "month" | "year" } {
	const parts = work.releaseDate.split("-");
	const precision = parts.length === 3 ? "day" : parts.length === 2 ? "month" : "year";
	return { date: [parts[0], parts[1] ?? "01", parts[2] ?? "01"].join("-"), precision };
}
