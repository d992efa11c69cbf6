import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { startServer } from "./server-process";

/** GET on a new connection each time, so cluster's round robin hands it to the next worker. */
function getOnNewConnection(port: number, urlPath: string): Promise<{ status: number; worker: string | undefined }> {
	return new Promise((resolve, reject) => {
		const request = http.get({ host: "127.0.0.1", port, path: urlPath, agent: false }, (response) => {
			response.resume();
			response.on("end", () =>
				resolve({ status: response.statusCode ?? 0, worker: response.headers["x-worker"] as string | undefined }),
			);
		});
		request.on("error", reject);
	});
}

const template = inject("dbTemplate");

// A failed test must not leave a server behind: SIGKILL the primary (its workers exit when it does) and tsx.
const leftovers: { child: ChildProcess; primaryPid: () => number | undefined }[] = [];
afterEach(() => {
	for (const { child, primaryPid } of leftovers.splice(0)) {
		if (child.exitCode !== null || child.signalCode !== null) continue;
		const pid = primaryPid();
		try {
			if (pid) process.kill(pid, "SIGKILL");
		} catch {
			// already gone
		}
		child.kill("SIGKILL");
	}
});

describe("WEB_CONCURRENCY", () => {
	it("refuses more than one process on the embedded database, before touching it", async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), "omt-cluster-"));
		// Empty, not absent: a developer's .env must not fill it in.
		const server = startServer({ DATA_DIR: dataDir, DATABASE_URL: "", WEB_CONCURRENCY: "2" });
		expect(await server.exited).toBe(1);
		expect(server.stderr()).toBe(
			"WEB_CONCURRENCY=2 needs DATABASE_URL: the embedded database (PGlite) opens in one process only\n",
		);
		expect(server.logs).toEqual([]);
		expect(readdirSync(dataDir)).toEqual([]);
	});

	// Several processes need a database server; the PGlite pass of the suite asserts the refusal above.
	if (template.driver === "postgres")
		it("serves from two workers, replaces one that dies, and stops them all on SIGTERM", async () => {
			const databaseUrl = process.env.DATABASE_URL ?? "";
			expect(databaseUrl).not.toBe("");
			const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "omt-cluster-"));
			const server = startServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, WEB_CONCURRENCY: "2" });
			const linesWith = (msg: string) => server.logs.filter((line) => line.msg === msg);
			leftovers.push({ child: server.child, primaryPid: () => linesWith("starting workers")[0]?.pid as number });
			const listening = () => server.logs.filter((line) => line.msg?.startsWith("listening"));
			const failed = server.exited.then((code) => {
				throw new Error(`server exited with ${code}: ${server.stderr()}`);
			});
			failed.catch(() => {}); // it exits at the end on purpose
			// Three processes load the build at once: generous, for a machine busy with the rest of the suite.
			const until = (check: () => boolean) =>
				Promise.race([expect.poll(check, { timeout: 30_000, interval: 50 }).toBe(true), failed]);

			await until(() => listening().length === 2);
			const [primary] = linesWith("starting workers");
			expect(primary).toMatchObject({ workers: 2, pid: expect.any(Number) });
			const started = linesWith("worker started").map((line) => ({ id: String(line.worker), pid: line.pid as number }));
			expect(started.map((w) => w.id)).toEqual(["1", "2"]);
			// Both workers listen on the one port the primary holds (PORT=0 picks it once for all of them).
			const ports = new Set(listening().map((line) => line.port as number));
			expect(ports.size).toBe(1);
			const [port] = ports;
			expect(existsSync(path.join(dataDir, "session-secret"))).toBe(true);

			const served = new Set<string | undefined>();
			for (let i = 0; i < 6; i++) {
				const response = await getOnNewConnection(port, "/healthz");
				expect(response.status).toBe(200);
				served.add(response.worker);
			}
			expect([...served].sort()).toEqual(["1", "2"]);

			const victim = started[0];
			process.kill(victim.pid, "SIGKILL");
			await until(() => linesWith("worker exited").length === 1);
			expect(linesWith("worker exited")[0]).toMatchObject({
				worker: 1,
				pid: victim.pid,
				signal: "SIGKILL",
				restartInMs: expect.any(Number),
			});
			await until(() => linesWith("worker started").length === 3 && listening().length === 3);
			expect(linesWith("worker started")[2]).toMatchObject({ worker: 3 });
			const afterRestart = new Set<string | undefined>();
			for (let i = 0; i < 6; i++) {
				const response = await getOnNewConnection(port, "/healthz");
				expect(response.status).toBe(200);
				afterRestart.add(response.worker);
			}
			expect([...afterRestart].sort()).toEqual(["2", "3"]);

			process.kill(primary.pid as number, "SIGTERM");
			expect(await server.exited).toBe(0);
			// Each worker and the primary shut down; the primary is the last to report.
			expect(linesWith("stopped")).toHaveLength(3);
			expect(server.logs.at(-1)).toMatchObject({ msg: "stopped" });
			expect(server.stderr()).toBe("");
		}, 90_000);
});
