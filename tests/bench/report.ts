/** Budget lines (PASS/FAIL) and the results files (JSON + Markdown) in tests/bench/results/. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PlanSummary } from "./explain";
import type { Measurement } from "./load";
import type { SeedSummary } from "./seed";

export type Report = {
	startedAt: string;
	quick: boolean;
	database: string;
	/** Server processes serving requests (WEB_CONCURRENCY); absent in results from before the option. */
	workers?: number;
	seed: SeedSummary;
	people: { label: string; username: string; entries: number }[];
	loadAverageAtEnd: number[];
	serverPeakRssMB: number;
	measurements: Measurement[];
	plans: PlanSummary[];
};

const resultsDir = fileURLToPath(new URL("./results", import.meta.url));

const workersOf = (report: Report) => report.workers ?? 1;
/** File-name suffix: none for one process, so single-process results keep their names. */
const workersSuffix = (report: Report) => (workersOf(report) === 1 ? "" : `-w${workersOf(report)}`);
const serverLabel = (report: Report) =>
	workersOf(report) === 1 ? "one process" : `${workersOf(report)} workers (CPU and RSS summed with the primary)`;

const find = (report: Report, scenario: string, connections: number, user = "heavy") =>
	report.measurements.filter(
		(m) => m.scenario.startsWith(scenario) && m.connections === connections && m.user.startsWith(user),
	);

function line(ok: boolean | null, text: string) {
	return `${ok === null ? "SKIP" : ok ? "PASS" : "FAIL"}  ${text}`;
}

export function budgetLines(report: Report): string[] {
	const lines: string[] = [];
	const entries = report.seed.actual.entries.toLocaleString("en");
	lines.push(`(heavy person, ${entries} entries; budgets are set for 10,000,000)`);
	const listUnloaded = [...find(report, "list: ", 1), ...find(report, "list sort: ", 1)];
	if (listUnloaded.length === 0) lines.push(line(null, "list page unloaded: not measured"));
	for (const m of listUnloaded)
		lines.push(
			line(m.p50 <= 10 && m.p99 <= 25, `list page unloaded, ${m.scenario}: p50 ${m.p50} ≤ 10 ms, p99 ${m.p99} ≤ 25 ms`),
		);
	for (const m of find(report, "list: default view", 32))
		lines.push(
			line(
				m.rps >= 150 && m.errors === 0,
				`list page at 32 connections: ${m.rps} ≥ 150 pages/s, errors ${m.errors} = 0`,
			),
		);
	for (const m of find(report, "search: typo", 1))
		lines.push(line(m.p95 <= 25, `typo search unloaded: p95 ${m.p95} ≤ 25 ms`));
	for (const m of find(report, "search: class browse", 1))
		lines.push(line(m.p99 <= 15, `deep catalog page unloaded: p99 ${m.p99} ≤ 15 ms`));
	for (const m of find(report, "work: ", 1)) lines.push(line(m.p99 <= 15, `work page unloaded: p99 ${m.p99} ≤ 15 ms`));
	for (const m of find(report, "writes: ", 1))
		lines.push(
			line(
				(m.pair?.p99 ?? Number.POSITIVE_INFINITY) <= 15,
				`update post + redirect unloaded: p99 ${m.pair?.p99} ≤ 15 ms`,
			),
		);
	lines.push(
		line(
			report.serverPeakRssMB <= 400,
			`server RSS under load: peak ${report.serverPeakRssMB} ≤ 400 MB` +
				(workersOf(report) === 1 ? "" : `, summed over the primary and ${workersOf(report)} workers`),
		),
	);
	lines.push(...growthLines(report));
	return lines;
}

/** The list scenarios at 1,000,000 vs 10,000,000 entries, from the latest results at each scale (same workers). */
function growthLines(report: Report): string[] {
	const byScale = new Map<number, Report>();
	for (const entries of [1_000_000, 10_000_000]) {
		const file = path.join(resultsDir, `latest-${entries}${workersSuffix(report)}.json`);
		if (existsSync(file)) byScale.set(entries, JSON.parse(readFileSync(file, "utf8")) as Report);
	}
	const scaleOf = (r: Report) =>
		r.seed.actual.entries >= 5_000_000 ? 10_000_000 : r.seed.actual.entries >= 500_000 ? 1_000_000 : 0;
	if (scaleOf(report)) byScale.set(scaleOf(report), report);
	const small = byScale.get(1_000_000);
	const big = byScale.get(10_000_000);
	if (!small || !big) return [line(null, "growth 1M → 10M entries: needs a run at each scale")];
	const lines: string[] = [];
	for (const m of big.measurements.filter(
		(x) => x.group === "list" && x.connections === 1 && x.user.startsWith("heavy"),
	)) {
		const base = small.measurements.find(
			(x) =>
				x.scenario.split(" (")[0] === m.scenario.split(" (")[0] && x.connections === 1 && x.user.startsWith("heavy"),
		);
		if (!base) continue;
		const ratio = Math.round((m.p50 / base.p50) * 100) / 100;
		lines.push(line(ratio <= 1.2, `growth 1M → 10M, ${m.scenario}: p50 ${base.p50} → ${m.p50} ms (${ratio}× ≤ 1.2×)`));
	}
	return lines;
}

function markdown(report: Report, lines: string[]): string {
	const s = report.seed.actual;
	const out = [
		`# Benchmark ${report.startedAt}`,
		"",
		`${s.works.toLocaleString("en")} works, ${s.people.toLocaleString("en")} people, ${s.entries.toLocaleString("en")} entries, ` +
			`${s.reviews.toLocaleString("en")} reviews (seeded in ${report.seed.seconds} s). ` +
			`People: ${report.people.map((p) => `${p.label} = ${p.username} (${p.entries} entries)`).join(", ")}. ` +
			`Load average at the end: ${report.loadAverageAtEnd.map((n) => n.toFixed(2)).join(" ")}. ` +
			`Server: ${serverLabel(report)}.`,
		"",
		"| person | scenario | conns | req/s | p50 ms | p95 ms | p99 ms | errors | bytes/resp | server CPU ms/req | peak RSS MB | load |",
		"|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
		...report.measurements.map(
			(m) =>
				`| ${m.user} | ${m.scenario}${m.pair ? ` (pair p50/p95/p99 ${m.pair.p50}/${m.pair.p95}/${m.pair.p99})` : ""} | ${m.connections} | ${m.rps} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} | ${m.bytesPerResponse} | ${m.cpuMsPerRequest} | ${m.peakRssMB} | ${m.load1} |`,
		),
		"",
		"## Budgets",
		"",
		...lines.map((l) => `- ${l}`),
		"",
		"## Core queries (EXPLAIN ANALYZE, BUFFERS; heavy person)",
		"",
		"| query | ms | rows | hit | read | plan |",
		"|---|---:|---:|---:|---:|---|",
		...report.plans.map((p) => `| ${p.name} | ${p.ms} | ${p.rows} | ${p.hit} | ${p.read} | \`${p.shape}\` |`),
		"",
		"## Table and index sizes",
		"",
		"| table | rows | table MB | indexes MB |",
		"|---|---:|---:|---:|",
		...report.seed.sizes.map((t) => `| ${t.table} | ${t.rows.toLocaleString("en")} | ${t.tableMB} | ${t.indexMB} |`),
		"",
	];
	return out.join("\n");
}

export function writeResults(report: Report, lines: string[]): string[] {
	mkdirSync(resultsDir, { recursive: true });
	const stamp = report.startedAt.replace(/[:.]/g, "-");
	const scale = report.seed.actual.entries;
	const json = path.join(resultsDir, `bench-${scale}${workersSuffix(report)}-${stamp}.json`);
	const md = path.join(resultsDir, `bench-${scale}${workersSuffix(report)}-${stamp}.md`);
	writeFileSync(json, `${JSON.stringify({ ...report, budgets: lines }, null, 1)}\n`);
	writeFileSync(md, markdown(report, lines));
	// The growth comparison reads the list scenarios of the latest run at each scale: only a run that
	// measured them replaces it.
	const measuredList = report.measurements.some((m) => m.group === "list");
	if (!report.quick && scale >= 500_000 && measuredList) {
		const bucket = scale >= 5_000_000 ? 10_000_000 : 1_000_000;
		writeFileSync(
			path.join(resultsDir, `latest-${bucket}${workersSuffix(report)}.json`),
			`${JSON.stringify(report, null, 1)}\n`,
		);
	}
	return [json, md];
}
