import { boolean, date, pgSchema, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { MediaType } from "./columns";

export const usersSchema = pgSchema("users");

export const users = usersSchema.table("users", {
	id: uuid("id").primaryKey().defaultRandom(),
	username: text("username").notNull(),
	displayName: text("display_name").notNull(),
	email: text("email").notNull(),
	emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
	passwordHash: text("password_hash"),
	country: text("country"),
	birthDate: date("birth_date"),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const preferences = usersSchema.table("preferences", {
	userId: uuid("user_id")
		.primaryKey()
		.references(() => users.id, { onDelete: "cascade" }),
	theme: text("theme").$type<"light" | "dark" | "system">().notNull().default("system"),
	ratingScale: smallint("rating_scale").$type<5 | 10 | 100>().notNull().default(10),
	mediaTypes: text("media_types").array().$type<MediaType[]>().notNull().default([]),
	defaultColumns: text("default_columns").array(),
	defaultSort: text("default_sort"),
	pageSize: smallint("page_size").notNull().default(50),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const settings = usersSchema.table("settings", {
	userId: uuid("user_id")
		.primaryKey()
		.references(() => users.id, { onDelete: "cascade" }),
	locale: text("locale").notNull().default("en"),
	timezone: text("timezone").notNull().default("UTC"),
	profileVisibility: text("profile_visibility").$type<"private" | "public">().notNull().default("private"),
	emailNotifications: boolean("email_notifications").notNull().default(false),
	updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
