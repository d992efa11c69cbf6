import {
	bigint,
	boolean,
	inet,
	integer,
	jsonb,
	pgSchema,
	primaryKey,
	text,
	timestamp,
	uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const authSchema = pgSchema("auth");

/** The cookie holds a random token; only its hash is stored. */
export const sessions = authSchema.table("sessions", {
	id: uuid("id").primaryKey().defaultRandom(),
	tokenHash: text("token_hash").notNull(),
	userId: uuid("user_id")
		.notNull()
		.references(() => users.id, { onDelete: "cascade" }),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
	userAgent: text("user_agent"),
	ip: inet("ip"),
});

export const tokens = authSchema.table("tokens", {
	id: uuid("id").primaryKey().defaultRandom(),
	userId: uuid("user_id")
		.notNull()
		.references(() => users.id, { onDelete: "cascade" }),
	kind: text("kind").$type<"email_verification" | "password_reset" | "recovery_code">().notNull(),
	tokenHash: text("token_hash").notNull(),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp("expires_at", { withTimezone: true }),
	usedAt: timestamp("used_at", { withTimezone: true }),
});

export const loginEvents = authSchema.table("login_events", {
	id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
	userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
	identifier: text("identifier"),
	event: text("event").notNull(),
	method: text("method").notNull(),
	ip: inet("ip"),
	userAgent: text("user_agent"),
	detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Linked OIDC identities (google, apple, any configured issuer). */
export const identities = authSchema.table(
	"identities",
	{
		provider: text("provider").notNull(),
		subject: text("subject").notNull(),
		userId: uuid("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		email: text("email"),
		emailVerified: boolean("email_verified").notNull().default(false),
		createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
		lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
	},
	(t) => [primaryKey({ columns: [t.provider, t.subject] })],
);

/** Fixed-window counters for rate limits (sign-in, registration, two-factor), shared by all server processes. */
export const rateLimits = authSchema.table("rate_limits", {
	bucket: text("bucket").primaryKey(),
	windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
	hits: integer("hits").notNull(),
});

/** TOTP secret of a person; enabled_at is null until the first code confirms enrolment. */
export const twoFactor = authSchema.table("two_factor", {
	userId: uuid("user_id")
		.primaryKey()
		.references(() => users.id, { onDelete: "cascade" }),
	secret: text("secret").notNull(),
	enabledAt: timestamp("enabled_at", { withTimezone: true }),
	lastUsedStep: bigint("last_used_step", { mode: "number" }),
	createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
