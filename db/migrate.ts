import { fileURLToPath, pathToFileURL } from "node:url";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { type Connection, closeDb, getConnection } from "./client.server";

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 72_017_305;

/** Applies pending SQL migrations (drizzle-kit folder format). Safe to run from several processes at once. */
export async function migrateDatabase(connection: Connection = getConnection()): Promise<void> {
	if (connection.driver === "pglite") {
		await migratePglite(drizzlePglite(connection.client), { migrationsFolder });
		return;
	}
	// The lock is held by a reserved connection while the pool migrates, so concurrent starts take turns.
	const reserved = await connection.client.reserve();
	try {
		await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
		await migratePostgres(drizzlePostgres(connection.client), { migrationsFolder });
	} finally {
		await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
		reserved.release();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const started = performance.now();
	try {
		await migrateDatabase();
		console.log(`migrations applied in ${Math.round(performance.now() - started)} ms`);
	} finally {
		await closeDb();
	}
}
