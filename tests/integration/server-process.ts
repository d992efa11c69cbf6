import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type LogLine = Record<string, unknown> & { msg?: string };

/**
 * Starts `server.ts` as `npm start` does (tsx CLI; the build must exist) and collects its JSON log lines.
 * `listening` resolves with the first port a process reports, and rejects if the server exits first.
 */
export function startServer(env: Record<string, string>) {
	const logs: LogLine[] = [];
	const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["server.ts"], {
		env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let buffer = "";
	child.stdout?.on("data", (chunk: Buffer) => {
		buffer += chunk.toString();
		const lines = buffer.split("\n");
		buffer = lines.pop() ?? "";
		for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
	});
	let stderr = "";
	child.stderr?.on("data", (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
	const listening = new Promise<number>((resolve, reject) => {
		const timer = setInterval(() => {
			const line = logs.find((entry) => entry.msg?.startsWith("listening"));
			if (line) {
				clearInterval(timer);
				resolve(line.port as number);
			}
		}, 50);
		exited.then((code) => {
			clearInterval(timer);
			reject(new Error(`server exited with ${code}: ${stderr}`));
		});
	});
	// A test that expects the server to exit need not wait for it to listen.
	listening.catch(() => {});
	return { child, logs, listening, exited, stderr: () => stderr };
}
