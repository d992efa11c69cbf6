import { sql } from "drizzle-orm";
import {
	bigint,
	date,
	index,
	integer,
	jsonb,
	numeric,
	pgSchema,
	primaryKey,
	text,
	timestamp,
	uuid,
} from "drizzle-orm/pg-core";
import { ltree, type MediaType, tsvector } from "./columns";

export const mediaSchema = pgSchema("media");

export const mediaClasses = mediaSchema.table("media_classes", {
	path: ltree("path").primaryKey(),
	label: text("label").notNull(),
	mediaType: text("media_type").$type<MediaType>(),
});

/** Labels of franchise / universe nodes used by `media.collection_path`. */
export const collections = mediaSchema.table("collections", {
	path: ltree("path").primaryKey(),
	label: text("label").notNull(),
});

export const media = mediaSchema.table(
	"media",
	{
		id: uuid("id").primaryKey().defaultRandom(),
		mediaType: text("media_type").$type<MediaType>().notNull(),
		mediaClass: ltree("media_class")
			.notNull()
			.references(() => mediaClasses.path),
		title: text("title").notNull(),
		releaseDate: date("release_date"),
		countryOfOrigin: text("country_of_origin"),
		creators: text("creators").array().notNull().default(sql`'{}'`),
		attributes: jsonb("attributes").$type<Record<string, unknown>>().notNull().default({}),
		collectionPath: ltree("collection_path"),
		searchVector: tsvector("search_vector").notNull().default(sql`''::tsvector`),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index("media_search_idx").using("gin", t.searchVector),
		index("media_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
		index("media_class_gist").using("gist", t.mediaClass),
		index("media_collection_gist").using("gist", t.collectionPath),
		index("media_creators_idx").using("gin", t.creators),
		index("media_title_id_idx").on(t.title, t.id),
	],
);

export const externalLinks = mediaSchema.table(
	"external_links",
	{
		mediaId: uuid("media_id")
			.notNull()
			.references(() => media.id, { onDelete: "cascade" }),
		sourceName: text("source_name").notNull(),
		externalKey: text("external_key").notNull(),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.sourceName, t.externalKey] }), index("external_links_media_idx").on(t.mediaId)],
);

/** Per-work counters kept in the same transaction as the writes that change them. */
export const mediaStats = mediaSchema.table("media_stats", {
	mediaId: uuid("media_id")
		.primaryKey()
		.references(() => media.id, { onDelete: "cascade" }),
	trackingCount: integer("tracking_count").notNull().default(0),
	ratingsCount: integer("ratings_count").notNull().default(0),
	ratingsSum: bigint("ratings_sum", { mode: "number" }).notNull().default(0),
	reviewsCount: integer("reviews_count").notNull().default(0),
	ratingAvg: numeric("rating_avg", { precision: 5, scale: 2 }).generatedAlwaysAs(
		sql`CASE WHEN ratings_count > 0 THEN round(ratings_sum::numeric / ratings_count, 2) END`,
	),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The catalog's distinct words (from titles and creators), kept by a trigger; corrects misspelled searches. */
export const searchWords = mediaSchema.table("search_words", {
	word: text("word").primaryKey(),
	uses: integer("uses").notNull().default(1),
});
