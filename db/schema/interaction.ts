import { sql } from "drizzle-orm";
import {
	bigint,
	boolean,
	date,
	foreignKey,
	index,
	integer,
	jsonb,
	pgSchema,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uuid,
} from "drizzle-orm/pg-core";
import { type EntryStatus, ltree, type MediaType } from "./columns";
import { media } from "./media";
import { users } from "./users";

export const interactionSchema = pgSchema("interaction");

/**
 * A person's entry for one work. PARTITION BY HASH (user_id) in 16 partitions (migrations/0000):
 * every query names user_id so Postgres prunes to one partition.
 */
export const userMedia = interactionSchema.table(
	"user_media",
	{
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		mediaId: uuid("media_id")
			.notNull()
			.references(() => media.id, { onDelete: "cascade" }),
		status: text("status").$type<EntryStatus>().notNull(),
		progress: integer("progress").notNull().default(0),
		rating: smallint("rating"),
		repeatCount: smallint("repeat_count").notNull().default(0),
		startedAt: date("started_at"),
		completedAt: date("completed_at"),
		metaSnapshot: jsonb("meta_snapshot").$type<{ title?: string; mediaType?: string }>().notNull().default({}),
		notes: text("notes"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.mediaId] }),
		// One index per sort of my list (migrations/0004), each led by user_id and ending in media_id.
		index("user_media_status_idx").on(t.userId, t.status, t.updatedAt.desc()),
		index("user_media_updated_idx").on(t.userId, t.updatedAt, t.mediaId),
		index("user_media_unfinished_idx")
			.on(t.userId, t.updatedAt.desc())
			.where(sql`status IN ('planning', 'in_progress', 'paused')`),
		index("user_media_title_idx").on(t.userId, sql`(meta_snapshot ->> 'title')`, t.mediaId),
		index("user_media_rating_idx").on(t.userId, sql`(coalesce(rating, -1))`, t.mediaId),
		index("user_media_status_rank_idx").on(
			t.userId,
			sql`(interaction.status_rank(status))`,
			sql`(meta_snapshot ->> 'title')`,
			t.mediaId,
		),
		index("user_media_type_idx").on(
			t.userId,
			sql`(meta_snapshot ->> 'mediaType')`,
			sql`(meta_snapshot ->> 'title')`,
			t.mediaId,
		),
		index("user_media_progress_idx").on(t.userId, t.progress, t.mediaId),
		index("user_media_started_idx").on(t.userId, sql`(coalesce(started_at, '0001-01-01'::date))`, t.mediaId),
		index("user_media_completed_idx").on(t.userId, sql`(coalesce(completed_at, '0001-01-01'::date))`, t.mediaId),
	],
);

/**
 * A person's entries counted per status and kind of work, with minutes left and spent; kept by a trigger on
 * user_media (migrations/0006). PARTITION BY HASH (user_id) in 16 partitions.
 */
export const userMediaTotals = interactionSchema.table(
	"user_media_totals",
	{
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		status: text("status").$type<EntryStatus>().notNull(),
		mediaType: text("media_type").$type<MediaType>().notNull(),
		mediaClass: ltree("media_class").notNull(),
		entries: integer("entries").notNull().default(0),
		minutesLeft: bigint("minutes_left", { mode: "number" }).notNull().default(0),
		minutesSpent: bigint("minutes_spent", { mode: "number" }).notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.userId, t.status, t.mediaType, t.mediaClass] })],
);

export const userLists = interactionSchema.table(
	"user_lists",
	{
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		id: uuid("id").notNull().defaultRandom(),
		kind: text("kind").$type<"static" | "smart">().notNull().default("static"),
		name: text("name").notNull(),
		description: text("description"),
		visibility: text("visibility").$type<"private" | "public">().notNull().default("private"),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.userId, t.id] })],
);

export const listItems = interactionSchema.table(
	"list_items",
	{
		userId: uuid("user_id").notNull(),
		listId: uuid("list_id").notNull(),
		mediaId: uuid("media_id")
			.notNull()
			.references(() => media.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		note: text("note"),
		addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.listId, t.mediaId] }),
		foreignKey({ columns: [t.userId, t.listId], foreignColumns: [userLists.userId, userLists.id] }).onDelete("cascade"),
		index("list_items_position_idx").on(t.userId, t.listId, t.position),
		// "In your lists" on a work page: the person's lists holding one work.
		index("list_items_media_idx").on(t.userId, t.mediaId),
	],
);

/** A saved filter (the catalog/list filter spec as JSON), evaluated at read time. */
export const smartLists = interactionSchema.table(
	"smart_lists",
	{
		userId: uuid("user_id").notNull(),
		listId: uuid("list_id").notNull(),
		filterDefinition: jsonb("filter_definition").$type<Record<string, unknown>>().notNull(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.listId] }),
		foreignKey({ columns: [t.userId, t.listId], foreignColumns: [userLists.userId, userLists.id] }).onDelete("cascade"),
	],
);

/**
 * One review per person per work. PARTITION BY HASH (media_id) in 16 partitions (migrations/0005): a
 * work's reviews, the hot read, stay in one partition; the key still includes user_id.
 */
export const reviews = interactionSchema.table(
	"reviews",
	{
		mediaId: uuid("media_id")
			.notNull()
			.references(() => media.id, { onDelete: "cascade" }),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		id: uuid("id").notNull().defaultRandom(),
		body: text("body").notNull(),
		rating: smallint("rating"),
		spoiler: boolean("spoiler").notNull().default(false),
		helpfulCount: integer("helpful_count").notNull().default(0),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.mediaId, t.userId] }),
		unique("reviews_id_key").on(t.mediaId, t.id),
		index("reviews_newest_idx").on(t.mediaId, t.createdAt, t.id),
		index("reviews_helpful_idx").on(t.mediaId, t.helpfulCount, t.createdAt, t.id),
		index("reviews_user_idx").on(t.userId, t.updatedAt),
	],
);

/** "Helpful" marks: one per person per review, partitioned like the reviews they belong to. */
export const reviewVotes = interactionSchema.table(
	"review_votes",
	{
		mediaId: uuid("media_id").notNull(),
		reviewId: uuid("review_id").notNull(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		primaryKey({ columns: [t.mediaId, t.reviewId, t.userId] }),
		foreignKey({ columns: [t.mediaId, t.reviewId], foreignColumns: [reviews.mediaId, reviews.id] }).onDelete("cascade"),
		index("review_votes_voter_idx").on(t.mediaId, t.userId),
	],
);
