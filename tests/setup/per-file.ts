import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, expect, inject, vi } from "vitest";
import { closeDb } from "../../db/client.server";
import { databaseUrl } from "./db-template";

const template = inject("dbTemplate");
let cleanup: () => Promise<void> = async () => {};

// Each test file gets its own clean copy of the migrated, seeded template database.
beforeAll(async () => {
	if (template.driver === "pglite") {
		const dir = mkdtempSync(path.join(tmpdir(), "omt-test-"));
		cpSync(template.dir, dir, { recursive: true });
		delete process.env.DATABASE_URL;
		process.env.DATA_DIR = dir;
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
		return;
	}
	const name = `omt_t_${template.template.split("_")[2]}_${randomBytes(4).toString("hex")}`;
	const admin = postgres(template.url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database "${name}" template "${template.template}"`);
	await admin.end();
	process.env.DATABASE_URL = databaseUrl(template.url, name);
	process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "omt-test-"));
	cleanup = async () => {
		const drop = postgres(template.url, { max: 1, onnotice: () => {} });
		await drop.unsafe(`drop database if exists "${name}" with (force)`);
		await drop.end();
	};
});

afterAll(async () => {
	await closeDb();
	await cleanup();
});

// A test that makes the app log an error fails, even if its own assertions pass.
const consoleError = vi.spyOn(console, "error");
afterEach(() => {
	const calls = consoleError.mock.calls;
	consoleError.mockClear();
	expect(calls, "console.error was called").toEqual([]);
});
