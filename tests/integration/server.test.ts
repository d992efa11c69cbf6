import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databaseUrl } from "../setup/db-template";
import { startServer } from "./server-process";

const template = inject("dbTemplate");
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
});

describe("server start-up and shutdown", () => {
	it("migrates and seeds an empty database, serves, logs each request, and stops cleanly on SIGTERM", async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), "omt-server-"));
		const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: "info" };
		if (template.driver === "postgres") {
			const name = `omt_t_${process.pid}_empty_${Date.now()}`;
			const admin = postgres(template.url, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database "${name}"`);
			await admin.end();
			env.DATABASE_URL = databaseUrl(template.url, name);
			cleanups.push(async () => {
				const drop = postgres(template.url, { max: 1, onnotice: () => {} });
				await drop.unsafe(`drop database if exists "${name}" with (force)`);
				await drop.end();
			});
		}
		const server = startServer(env);
		const port = await server.listening;

		const seeded = server.logs.find((line) => line.msg === "demo catalog loaded") as { seed?: { works: number } };
		expect(seeded?.seed?.works).toBeGreaterThanOrEqual(400);
		expect(existsSync(path.join(dataDir, "session-secret"))).toBe(true);

		const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Request-Id": "test-req-1" } });
		expect(home.status).toBe(200);
		expect(home.headers.get("x-request-id")).toBe("test-req-1");
		expect(home.headers.get("x-frame-options")).toBe("DENY");
		expect(home.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
		const csp = home.headers.get("content-security-policy") ?? "";
		expect(csp).toContain("frame-ancestors 'none'");
		const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
		expect(nonce).toBeTruthy();
		const html = await home.text();
		expect(html).toContain('data-page="home"');
		// Every inline script Remix renders carries this response's nonce, so the CSP lets it run.
		const inlineScripts = html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? [];
		expect(inlineScripts.length).toBeGreaterThan(0);
		for (const tag of inlineScripts) expect(tag).toContain(`nonce="${nonce}"`);

		await expect
			.poll(() => server.logs.find((line) => line.reqId === "test-req-1"))
			.toMatchObject({
				method: "GET",
				url: "/",
				status: 200,
				ms: expect.any(Number),
			});

		server.child.kill("SIGTERM");
		expect(await server.exited).toBe(0);
		expect(server.logs.at(-1)?.msg).toBe("stopped");
		expect(server.stderr()).toBe("");
	});
});
