import { bigint, boolean, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { media } from "./media";

export const ingestSchema = pgSchema("ingest");

export const sources = ingestSchema.table("sources", {
	name: text("name").primaryKey(),
	label: text("label").notNull(),
	kind: text("kind").$type<"bundled" | "api" | "dump">().notNull(),
	baseUrl: text("base_url"),
	enabled: boolean("enabled").notNull().default(true),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const importJobs = ingestSchema.table("import_jobs", {
	id: uuid("id").primaryKey().defaultRandom(),
	sourceName: text("source_name")
		.notNull()
		.references(() => sources.name),
	status: text("status").$type<"queued" | "running" | "succeeded" | "failed">().notNull().default("queued"),
	stats: jsonb("stats").$type<Record<string, unknown>>().notNull().default({}),
	error: text("error"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	startedAt: timestamp("started_at", { withTimezone: true }),
	finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const importLogs = ingestSchema.table("import_logs", {
	id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
	jobId: uuid("job_id")
		.notNull()
		.references(() => importJobs.id, { onDelete: "cascade" }),
	level: text("level").$type<"debug" | "info" | "warn" | "error">().notNull(),
	message: text("message").notNull(),
	externalKey: text("external_key"),
	mediaId: uuid("media_id").references(() => media.id, { onDelete: "set null" }),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const conflicts = ingestSchema.table("conflicts", {
	id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
	jobId: uuid("job_id")
		.notNull()
		.references(() => importJobs.id, { onDelete: "cascade" }),
	mediaId: uuid("media_id").references(() => media.id, { onDelete: "cascade" }),
	sourceName: text("source_name").notNull(),
	externalKey: text("external_key").notNull(),
	field: text("field").notNull(),
	currentValue: jsonb("current_value"),
	incomingValue: jsonb("incoming_value"),
	resolution: text("resolution").$type<"pending" | "kept" | "replaced" | "merged">().notNull().default("pending"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	resolvedAt: timestamp("resolved_at", { withTimezone: true }),
});
