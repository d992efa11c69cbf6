/**
 * The production server under test: started from this worktree's build, sampled through /proc.
 * With more than one worker (WEB_CONCURRENCY) every figure sums the primary and its workers.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import { clearInterval, setInterval } from "node:timers";

export type ServerUnderTest = {
	origin: string;
	pid: number;
	/** Processes serving: 1, or the number of cluster workers (the primary only supervises them). */
	workers: number;
	/** The primary's pid and its workers' (their number changes only if one dies). */
	pids(): number[];
	/** CPU seconds (user + system) the server's processes have used so far. */
	cpuSeconds(): number;
	rssMB(): number;
	/** Each process's own peak RSS, summed (an upper bound when they peaked at different times). */
	peakRssMB(): number;
	/** Samples the summed RSS every 100 ms until stopped; returns the highest sum seen. */
	watchRss(): () => number;
	stop(): Promise<void>;
};

const TICKS = 100;

/** A process that has exited since it was listed counts as 0. */
function statusValue(pid: number, key: string): number {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/status`, "utf8");
	} catch {
		return 0;
	}
	const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text);
	return match ? Number(match[1]) / 1024 : 0;
}

function cpuSecondsOf(pid: number): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
		return (Number(fields[11]) + Number(fields[12])) / TICKS;
	} catch {
		return 0;
	}
}

function childrenOf(pid: number): number[] {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
			readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
		);
	} catch {
		// Kernels without CONFIG_PROC_CHILDREN; pgrep exits 1 when there are none.
		try {
			return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
				.split("\n")
				.filter(Boolean)
				.map(Number);
		} catch {
			return [];
		}
	}
}

const exeOf = (pid: number) => {
	try {
		return readlinkSync(`/proc/${pid}/exe`);
	} catch {
		return null;
	}
};

/** The primary and its cluster workers: children running the same Node binary (not tsx's esbuild service). */
function serverPids(pid: number, workers: number): number[] {
	if (workers === 1) return [pid];
	const node = exeOf(pid);
	return [pid, ...childrenOf(pid).filter((child) => exeOf(child) === node)];
}

/** Distinct workers answering /healthz, one new connection per request (cluster hands them out in turn). */
async function workersAnswering(origin: string, tries: number): Promise<number> {
	const seen = new Set<string>();
	for (let i = 0; i < tries; i++) {
		const worker = await new Promise<string | undefined>((resolve) => {
			const request = http.get(`${origin}/healthz`, { agent: false }, (response) => {
				response.resume();
				response.on("end", () =>
					resolve(response.statusCode === 200 ? (response.headers["x-worker"] as string) : undefined),
				);
			});
			request.on("error", () => resolve(undefined));
		});
		if (worker) seen.add(worker);
	}
	return seen.size;
}

export async function startServer({
	databaseUrl,
	port,
	sessionSecret,
	workers,
}: {
	databaseUrl: string;
	port: number;
	sessionSecret: string;
	workers: number;
}): Promise<ServerUnderTest> {
	if (!existsSync("build/index.js")) throw new Error("no production build: run `npm run build` first");
	// node --import tsx keeps the server in this one process (or a primary and its workers, all direct
	// children), so /proc figures are the server's own.
	const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
		env: {
			...process.env,
			NODE_ENV: "production",
			PORT: String(port),
			HOST: "127.0.0.1",
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: sessionSecret,
			SEED_DEMO: "false",
			WEB_CONCURRENCY: String(workers),
		},
		stdio: ["ignore", "ignore", "pipe"],
	});
	let stderr = "";
	child.stderr?.on("data", (chunk) => {
		stderr = (stderr + String(chunk)).slice(-4000);
	});
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${stderr}`);
		try {
			const response = await fetch(`${origin}/healthz`);
			// Measure only once every worker has started listening.
			if (response.ok && (workers === 1 || (await workersAnswering(origin, 2 * workers)) === workers)) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const pid = child.pid ?? 0;
	const pids = () => serverPids(pid, workers);
	const sum = (value: (pid: number) => number) => pids().reduce((total, p) => total + value(p), 0);
	const rssMB = () => sum((p) => statusValue(p, "VmRSS"));
	return {
		origin,
		pid,
		workers,
		pids,
		cpuSeconds: () => sum(cpuSecondsOf),
		rssMB,
		peakRssMB: () => sum((p) => statusValue(p, "VmHWM")),
		watchRss() {
			let peak = rssMB();
			const timer = setInterval(() => {
				peak = Math.max(peak, rssMB());
			}, 100);
			return () => {
				clearInterval(timer);
				return Math.max(peak, rssMB());
			};
		},
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once("exit", () => resolve());
				child.kill("SIGTERM");
			}),
	};
}
