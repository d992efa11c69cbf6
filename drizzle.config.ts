import { defineConfig } from "drizzle-kit";

// For `drizzle-kit generate` / `studio` only. The migrations in ./migrations are hand-edited SQL
// (drizzle-kit cannot express PARTITION BY, ltree operators or the search trigger): generate, then edit.
// Never use `drizzle-kit push` or `pull` on this database.
export default defineConfig({
	dialect: "postgresql",
	schema: "./db/schema/index.ts",
	out: "./migrations",
	schemaFilter: ["media", "users", "interaction", "auth", "ingest"],
	dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
