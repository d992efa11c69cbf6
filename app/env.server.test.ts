import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getSessionSecret, readEnv } from "./env.server";

describe("readEnv", () => {
	it("needs nothing: every variable has a working default", () => {
		const env = readEnv({});
		expect(env).toMatchObject({
			PORT: 3000,
			DATA_DIR: "./data",
			NODE_ENV: "development",
			SEED_DEMO: "true",
			WEB_CONCURRENCY: 1,
		});
		expect(env.DATABASE_URL).toBeUndefined();
	});

	it("treats empty values as unset, as .env.example leaves them", () => {
		expect(readEnv({ DATABASE_URL: "", SESSION_SECRET: "", DATA_DIR: "" })).toMatchObject({
			DATABASE_URL: undefined,
			SESSION_SECRET: undefined,
			DATA_DIR: "./data",
		});
	});

	it("reads WEB_CONCURRENCY as a count of processes, auto as one per available core", () => {
		expect(readEnv({ WEB_CONCURRENCY: "3" }).WEB_CONCURRENCY).toBe(3);
		expect(readEnv({ WEB_CONCURRENCY: "" }).WEB_CONCURRENCY).toBe(1);
		expect(readEnv({ WEB_CONCURRENCY: "auto" }).WEB_CONCURRENCY).toBe(availableParallelism());
		for (const bad of ["0", "-2", "1.5", "two", "Auto", " 2"])
			expect(() => readEnv({ WEB_CONCURRENCY: bad }), bad).toThrow(/WEB_CONCURRENCY: must be a whole number/);
	});

	it("names each invalid variable", () => {
		expect(() => readEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", SESSION_SECRET: "short" })).toThrow(
			/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/,
		);
	});
});

describe("getSessionSecret", () => {
	it("uses SESSION_SECRET when set", () => {
		const secret = "x".repeat(40);
		expect(getSessionSecret(readEnv({ SESSION_SECRET: secret }))).toBe(secret);
	});

	it("otherwise generates one, keeps it in DATA_DIR and reuses it", () => {
		const dir = path.join(mkdtempSync(path.join(tmpdir(), "omt-secret-")), "nested");
		const env = readEnv({ DATA_DIR: dir });
		const first = getSessionSecret(env);
		expect(first.length).toBeGreaterThanOrEqual(32);
		expect(readFileSync(path.join(dir, "session-secret"), "utf8").trim()).toBe(first);
		expect(statSync(path.join(dir, "session-secret")).mode & 0o777).toBe(0o600);
		expect(getSessionSecret(env)).toBe(first);
	});
});
