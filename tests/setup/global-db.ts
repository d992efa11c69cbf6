import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { buildPgliteTemplate, buildPostgresTemplate } from "./db-template";

/**
 * Migrates and seeds one database before the run; every test file then gets its own copy:
 * a copied PGlite data directory, or `CREATE DATABASE … TEMPLATE` on the server (DATABASE_URL).
 */
export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (url) {
		const template = `omt_tpl_${process.pid}`;
		await buildPostgresTemplate(url, template);
		project.provide("dbTemplate", { driver: "postgres", url, template });
		return async () => {
			const admin = postgres(url, { max: 1, onnotice: () => {} });
			const leftovers = await admin<{ datname: string }[]>`
				select datname from pg_database where datname like ${`omt_t_${process.pid}_%`} or datname = ${template}`;
			for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
			await admin.end();
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), "omt-template-"));
	await buildPgliteTemplate(dir);
	project.provide("dbTemplate", { driver: "pglite", dir });
	return () => rmSync(dir, { recursive: true, force: true });
}
