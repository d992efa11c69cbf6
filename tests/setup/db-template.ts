import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Connection } from "../../db/client.server";
import { openPglite } from "../../db/client.server";
import { migrateDatabase } from "../../db/migrate";
import * as schema from "../../db/schema";
import { seedDemoCatalog } from "../../db/seed/index";

/** Where each test file clones its clean, migrated and seeded database from. */
export type DbTemplate = { driver: "pglite"; dir: string } | { driver: "postgres"; url: string; template: string };

declare module "vitest" {
	export interface ProvidedContext {
		dbTemplate: DbTemplate;
	}
}

export function databaseUrl(base: string, database: string): string {
	const url = new URL(base);
	url.pathname = `/${database}`;
	return url.toString();
}

export async function prepareTemplate(connection: Connection): Promise<void> {
	await migrateDatabase(connection);
	await seedDemoCatalog(connection.db);
}

export async function buildPgliteTemplate(dir: string): Promise<void> {
	const client = openPglite(`${dir}/pgdata`);
	const db = drizzlePglite(client, { schema }) as unknown as Connection["db"];
	await prepareTemplate({ driver: "pglite", client, db, close: () => client.close() });
	await client.close();
}

export async function buildPostgresTemplate(baseUrl: string, template: string): Promise<void> {
	const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`drop database if exists "${template}" with (force)`);
	await admin.unsafe(`create database "${template}"`);
	await admin.end();
	const client = postgres(databaseUrl(baseUrl, template), { max: 4, onnotice: () => {} });
	const db = drizzlePostgres(client, { schema }) as unknown as Connection["db"];
	await prepareTemplate({ driver: "postgres", client, db, close: () => client.end() });
	await client.end();
}
