import { mkdirSync } from "node:fs";
import { type Extension, PGlite } from "@electric-sql/pglite";
import { ltree } from "@electric-sql/pglite/contrib/ltree";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type Env, readEnv, resolveDataDir } from "../app/env.server";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Connection =
	| { driver: "postgres"; db: Database; client: postgres.Sql; close(): Promise<void> }
	| { driver: "pglite"; db: Database; client: PGlite; close(): Promise<void> };

// One connection per process, kept on globalThis: the Remix server bundle and the server entry
// load this module separately, and PGlite must never open the same data directory twice.
const KEY = Symbol.for("omnimediatrak.db");
const holder = globalThis as unknown as { [KEY]?: Connection };

// Misspelled search words are matched with pg_trgm's `%` at this threshold (default 0.3 misses
// transpositions such as "rigns" → "rings"); set per connection, as a startup option.
const TRGM_THRESHOLD = ["pg_trgm.similarity_threshold", "0.2"] as const;

// PGlite preloads every extension's .so at once; Emscripten's dynamic linker then checks *all*
// pending symbols when the first one finishes, so one of the two loads fails half-linked ("failed to
// instantiate wasm ... reading 'value'"), about every other start. When pg_trgm is the one, dlopen
// loads it again but `%` still calls the broken copy through the shared GOT: a wasm trap that PGlite
// swallows (the query returns no rows, Postgres state left corrupt) and the next SQL error spins
// forever in errfinish. Loading the .so files one after another avoids the race.
const sequentialPreload: Extension = {
	name: "sequential-preload",
	setup: async (_pg, emscriptenOpts) => ({
		emscriptenOpts: {
			...emscriptenOpts,
			preRun: [
				...(emscriptenOpts.preRun ?? []),
				(mod: { FS: { createPreloadedFile: (...args: unknown[]) => void } }) => {
					const preload = mod.FS.createPreloadedFile;
					let previous = Promise.resolve();
					mod.FS.createPreloadedFile = (parent, name, data, canRead, canWrite, onload, onerror, ...rest) => {
						previous = previous.then(
							() =>
								new Promise<void>((done) => {
									const settle =
										(callback: unknown) =>
										(...args: unknown[]) => {
											try {
												if (typeof callback === "function") callback(...args);
											} finally {
												done();
											}
										};
									preload.call(mod.FS, parent, name, data, canRead, canWrite, settle(onload), settle(onerror), ...rest);
								}),
						);
					};
				},
			],
		},
	}),
};

export function openPglite(dataDir: string): PGlite {
	const client = new PGlite(dataDir, { extensions: { sequentialPreload, ltree, pg_trgm } });
	// Queued before any other query on this single connection.
	client.exec(`set ${TRGM_THRESHOLD[0]} = ${TRGM_THRESHOLD[1]}`).catch(() => {});
	return client;
}

export function openConnection(env: Env = readEnv()): Connection {
	if (env.DATABASE_URL) {
		const client = postgres(env.DATABASE_URL, {
			max: env.DB_POOL_MAX,
			onnotice: () => {},
			connection: { application_name: "omnimediatrak", [TRGM_THRESHOLD[0]]: TRGM_THRESHOLD[1] },
		});
		return {
			driver: "postgres",
			client,
			db: drizzlePostgres(client, { schema }) as unknown as Database,
			close: () => client.end({ timeout: 5 }),
		};
	}
	const dir = resolveDataDir(env);
	mkdirSync(dir, { recursive: true });
	const client = openPglite(`${dir}/pgdata`);
	return {
		driver: "pglite",
		client,
		db: drizzlePglite(client, { schema }) as unknown as Database,
		close: () => client.close(),
	};
}

export function getConnection(): Connection {
	holder[KEY] ??= openConnection();
	return holder[KEY];
}

export function getDb(): Database {
	return getConnection().db;
}

export async function closeDb(): Promise<void> {
	const connection = holder[KEY];
	holder[KEY] = undefined;
	if (connection) await connection.close();
}
