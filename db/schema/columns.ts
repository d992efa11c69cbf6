import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/** PostgreSQL `ltree` label path, e.g. `written.books.webnovel`. Text converts to ltree only by explicit cast. */
export const ltree = customType<{ data: string; driverData: string }>({
	dataType() {
		return "ltree";
	},
	toDriver(value) {
		return sql`${value}::ltree`;
	},
});

/** PostgreSQL `tsvector`; written only by the database (trigger), read as text. */
export const tsvector = customType<{ data: string; driverData: string }>({
	dataType() {
		return "tsvector";
	},
});

export const mediaTypes = [
	"movie",
	"series",
	"anime",
	"manga",
	"book",
	"webnovel",
	"graphic_novel",
	"game",
	"visual_novel",
	"podcast",
	"album",
] as const;
export type MediaType = (typeof mediaTypes)[number];

export const entryStatuses = ["planning", "in_progress", "completed", "paused", "dropped"] as const;
export type EntryStatus = (typeof entryStatuses)[number];
