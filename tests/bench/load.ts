/** One scenario at one concurrency, driven by autocannon over loopback, with the server sampled meanwhile. */
import { loadavg } from "node:os";
import autocannon from "autocannon";
import type { ServerUnderTest } from "./server";

export type Request = {
	method?: "GET" | "POST";
	path: string;
	headers?: Record<string, string>;
	/** Sets a fresh body per request (form-encoded); autocannon calls it for every request. */
	body?: () => string;
};

export type Scenario = {
	name: string;
	group: "list" | "search" | "work" | "writes" | "smart" | "reviews" | "sorts";
	/** One request, or a sequence a client repeats (a post then the page it redirects to). */
	requests: Request[];
	/** Statuses that count as success (default 200). */
	ok?: number[];
};

export type Measurement = {
	scenario: string;
	group: Scenario["group"];
	user: string;
	connections: number;
	seconds: number;
	requests: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	errors: number;
	bytesPerResponse: number;
	cpuMsPerRequest: number;
	peakRssMB: number;
	load1: number;
	/** A post and its redirect as one operation (sequences of two requests only). */
	pair?: { count: number; p50: number; p95: number; p99: number };
};

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function measure({
	server,
	scenario,
	user,
	cookie,
	connections,
	seconds,
	warmupSeconds,
}: {
	server: ServerUnderTest;
	scenario: Scenario;
	user: string;
	cookie: string;
	connections: number;
	seconds: number;
	warmupSeconds: number;
}): Promise<Measurement> {
	const requests = scenario.requests.map((request) => ({
		method: request.method ?? "GET",
		path: request.path,
		headers: {
			cookie,
			...(request.method === "POST"
				? { origin: server.origin, "content-type": "application/x-www-form-urlencoded" }
				: {}),
			...request.headers,
		},
		...(request.body
			? {
					setupRequest: (req: Record<string, unknown>) => {
						req.body = request.body?.();
						return req;
					},
				}
			: {}),
	}));
	const ok = new Set(scenario.ok ?? [200]);
	const options = { url: server.origin, connections, pipelining: 1, requests };
	if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });

	const latencies: number[] = [];
	const pairs: number[] = [];
	const pending = new Map<unknown, number>();
	let errors = 0;
	let bytes = 0;
	let responses = 0;
	const cpuBefore = server.cpuSeconds();
	const stopRss = server.watchRss();
	const started = performance.now();
	const instance = autocannon({ ...options, duration: seconds });
	instance.on("response", (client: unknown, status: number, resBytes: number, responseTime: number) => {
		latencies.push(responseTime);
		responses += 1;
		bytes += resBytes;
		if (!ok.has(status)) errors += 1;
		if (requests.length === 2) {
			const first = pending.get(client);
			if (first === undefined) pending.set(client, responseTime);
			else {
				pairs.push(first + responseTime);
				pending.delete(client);
			}
		}
	});
	const result = await instance;
	const elapsed = (performance.now() - started) / 1000;
	const peakRssMB = stopRss();
	const cpu = server.cpuSeconds() - cpuBefore;
	errors += result.errors + result.timeouts;
	latencies.sort((a, b) => a - b);
	pairs.sort((a, b) => a - b);
	return {
		scenario: scenario.name,
		group: scenario.group,
		user,
		connections,
		seconds: round(elapsed, 1),
		requests: responses,
		rps: round(responses / elapsed, 1),
		p50: round(percentile(latencies, 50)),
		p95: round(percentile(latencies, 95)),
		p99: round(percentile(latencies, 99)),
		max: round(latencies.at(-1) ?? Number.NaN),
		errors,
		bytesPerResponse: responses ? Math.round(bytes / responses) : 0,
		cpuMsPerRequest: responses ? round((cpu * 1000) / responses) : 0,
		peakRssMB: round(peakRssMB, 0),
		load1: round(loadavg()[0]),
		...(requests.length === 2
			? {
					pair: {
						count: pairs.length,
						p50: round(percentile(pairs, 50)),
						p95: round(percentile(pairs, 95)),
						p99: round(percentile(pairs, 99)),
					},
				}
			: {}),
	};
}
