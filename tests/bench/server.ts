/** The production server under test: started from this worktree's build, sampled through /proc. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { clearInterval, setInterval } from "node:timers";

export type ServerUnderTest = {
	origin: string;
	pid: number;
	/** CPU seconds (user + system) the server process has used so far. */
	cpuSeconds(): number;
	rssMB(): number;
	peakRssMB(): number;
	/** Samples RSS every 100 ms until stopped; returns the highest value seen. */
	watchRss(): () => number;
	stop(): Promise<void>;
};

const TICKS = 100;

function statusValue(pid: number, key: string): number {
	const text = readFileSync(`/proc/${pid}/status`, "utf8");
	const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text);
	return match ? Number(match[1]) / 1024 : 0;
}

export async function startServer({
	databaseUrl,
	port,
	sessionSecret,
}: {
	databaseUrl: string;
	port: number;
	sessionSecret: string;
}): Promise<ServerUnderTest> {
	if (!existsSync("build/index.js")) throw new Error("no production build: run `npm run build` first");
	// node --import tsx keeps the server in this one process, so /proc figures are the server's own.
	const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
		env: {
			...process.env,
			NODE_ENV: "production",
			PORT: String(port),
			HOST: "127.0.0.1",
			DATABASE_URL: databaseUrl,
			SESSION_SECRET: sessionSecret,
			SEED_DEMO: "false",
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
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const pid = child.pid ?? 0;
	return {
		origin,
		pid,
		cpuSeconds() {
			const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
			return (Number(fields[11]) + Number(fields[12])) / TICKS;
		},
		rssMB: () => statusValue(pid, "VmRSS"),
		peakRssMB: () => statusValue(pid, "VmHWM"),
		watchRss() {
			let peak = statusValue(pid, "VmRSS");
			const timer = setInterval(() => {
				peak = Math.max(peak, statusValue(pid, "VmRSS"));
			}, 100);
			return () => {
				clearInterval(timer);
				return Math.max(peak, statusValue(pid, "VmRSS"));
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
