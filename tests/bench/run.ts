/**
 * `npm run bench [-- --quick] [--only=list,search,…] [--users=heavy,median] [--seconds=N] [--port=N] [--workers=N|auto]`
 *
 * Starts the production server (this worktree's build; --workers sets its WEB_CONCURRENCY, default 1) against
 * a seeded PostgreSQL database and drives it with autocannon over loopback, signed in as a heavy and as a
 * median person, scenario by scenario at 1 and 32 connections. Prints each scenario's figures, EXPLAIN
 * summaries of the core queries and the budget lines; writes JSON and Markdown to tests/bench/results/
 * (ignored by git). With several workers, server CPU and RSS are summed over the primary and its workers.
 * --quick seeds (or reuses) a small database, omt_bench_quick, at about 100,000 entries.
 */
import { createHash, randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { createCookie } from "@remix-run/node";
import postgres from "postgres";
import { explainCoreQueries, type PlanSummary } from "./explain";
import { type Measurement, measure, type Scenario } from "./load";
import { budgetLines, writeResults } from "./report";
import { databaseUrlOf, parseArgs, scaleOf } from "./scale";
import { printSeedSummary, readSeedSummary, type SeedSummary, seed } from "./seed";
import { startServer } from "./server";

const args = parseArgs(process.argv.slice(2));
const quick = args.flags.has("quick");
const databaseUrl = databaseUrlOf(args);
// The app modules the EXPLAIN step imports connect through DATABASE_URL, never PGlite.
process.env.DATABASE_URL = databaseUrl;
const only = args.values.get("only")?.split(",");
const userFilter = args.values.get("users")?.split(",") ?? ["heavy", "median"];
const seconds = Number(args.values.get("seconds") ?? (quick ? 1.5 : 8));
const warmup = quick ? 0.5 : 2;
const port = Number(args.values.get("port") ?? 3400);
const workersArg = args.values.get("workers") ?? "1";
if (!/^(auto|[1-9]\d*)$/.test(workersArg))
	throw new Error(`--workers: a whole number ≥ 1, or auto (got ${workersArg})`);
const workers = workersArg === "auto" ? availableParallelism() : Number(workersArg);
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function seededSummary(): Promise<SeedSummary> {
	const probe = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	let summary: SeedSummary | null = null;
	try {
		summary = await readSeedSummary(probe);
	} catch {
		summary = null;
	} finally {
		await probe.end();
	}
	const wanted = scaleOf(args);
	const matches = summary && JSON.stringify(summary.scale) === JSON.stringify(wanted);
	if (summary && (matches || !quick)) return summary;
	if (!quick) throw new Error(`${databaseUrl} is not seeded: run \`npm run bench:seed\` first`);
	log("seeding the quick database");
	const fresh = await seed({ flags: new Set(["quick", "fresh"]), values: args.values });
	printSeedSummary(fresh);
	return fresh;
}

/** Follows the page's rel="next" link `hops` times: a deep page reached the way a person reaches it. */
async function deepPath(origin: string, path: string, cookie: string, hops: number): Promise<string> {
	let current = path;
	for (let i = 0; i < hops; i++) {
		const html = await (await fetch(`${origin}${current}`, { headers: { cookie } })).text();
		const anchor = /<a [^>]*rel="next"[^>]*>/.exec(html)?.[0];
		const href = anchor && /href="([^"]+)"/.exec(anchor)?.[1];
		if (!href) break;
		current = href.replaceAll("&amp;", "&");
	}
	return current;
}

const summary = await seededSummary();
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
const sessionSecret = randomBytes(32).toString("base64url");
const cookieJar = createCookie("omt_session", { path: "/", httpOnly: true, sameSite: "lax", secrets: [sessionSecret] });
const medianRank = Math.max(2, Math.floor(summary.actual.people / 2));
const people = await sql<{ label: string; id: string; username: string; entries: number }[]>`
	select case when u.username = 'bench_1' then 'heavy' else 'median' end as label, u.id, u.username,
	       (select count(*)::int from interaction.user_media um where um.user_id = u.id) as entries
	from users.users u where u.username in ('bench_1', ${`bench_${medianRank}`}) order by u.username = 'bench_1' desc`;
const sessionIds: string[] = [];
const cookies = new Map<string, string>();
for (const person of people) {
	const token = randomBytes(32).toString("base64url");
	const tokenHash = createHash("sha256").update(token).digest("base64url");
	const [row] = await sql<{ id: string }[]>`
		insert into auth.sessions (token_hash, user_id, expires_at, user_agent)
		values (${tokenHash}, ${person.id}, now() + interval '1 day', 'omt-bench') returning id`;
	sessionIds.push(row.id);
	cookies.set(person.label, (await cookieJar.serialize(token)).split(";")[0]);
}
const [popular] = await sql<{ id: string; reviews: number }[]>`
	select media_id as id, reviews_count as reviews from media.media_stats order by reviews_count desc limit 1`;
const [someWork] = await sql<{ id: string }[]>`
	select id from media.media where id <> ${popular.id} order by id limit 1 offset 1000`;

log(
	`database: ${new URL(databaseUrl).pathname.slice(1)}; load average ${loadavg()
		.map((n) => n.toFixed(2))
		.join(" ")}`,
);
log(`starting the production server (${workers === 1 ? "one process" : `${workers} workers`})`);
const server = await startServer({ databaseUrl, port, sessionSecret, workers });
const measurements: Measurement[] = [];
let plans: PlanSummary[] = [];
const typo = "dargon kingdm";
const startedAt = new Date().toISOString();
try {
	for (const person of people.filter((p) => userFilter.includes(p.label))) {
		const cookie = cookies.get(person.label) ?? "";
		const [entry] = await sql<{ media_id: string }[]>`
			select media_id from interaction.user_media where user_id = ${person.id} order by media_id limit 1`;
		const [smart] = await sql<{ id: string }[]>`
			select list_id as id from interaction.smart_lists where user_id = ${person.id} order by list_id limit 1`;
		const hops = quick ? 5 : 20;
		const listDeep = await deepPath(server.origin, "/lists", cookie, hops);
		const classDeep = await deepPath(server.origin, "/catalog?class=video", cookie, hops);
		let flip = 0;
		const scenarios: Scenario[] = [
			{ name: "list: default view", group: "list", requests: [{ path: "/lists" }] },
			{
				name: "list: status=completed, sort=title",
				group: "list",
				requests: [{ path: "/lists?status=completed&sort=title&dir=asc" }],
			},
			{ name: `list: deep page (${hops} pages in)`, group: "list", requests: [{ path: listDeep }] },
			{
				name: `search: typo "${typo}"`,
				group: "search",
				requests: [{ path: `/catalog?q=${encodeURIComponent(typo)}` }],
			},
			{ name: 'search: plain "dragon kingdom"', group: "search", requests: [{ path: "/catalog?q=dragon+kingdom" }] },
			{ name: `search: class browse (${hops} pages in)`, group: "search", requests: [{ path: classDeep }] },
			{ name: "work: /catalog/:mediaId", group: "work", requests: [{ path: `/catalog/${someWork.id}` }] },
			{
				name: "writes: update + redirect",
				group: "writes",
				ok: [200, 302],
				requests: [
					{
						method: "POST",
						path: "/lists",
						body: () => {
							flip += 1;
							return new URLSearchParams({
								intent: "update",
								mediaId: entry?.media_id ?? "",
								status: flip % 2 ? "completed" : "in_progress",
								rating: String(1 + (flip % 10)),
								returnTo: "/lists",
							}).toString();
						},
					},
					{ path: "/lists" },
				],
			},
			...(smart ? [{ name: "smart list", group: "smart" as const, requests: [{ path: `/lists/${smart.id}` }] }] : []),
			{
				name: `reviews: popular work (${popular.reviews} reviews)`,
				group: "reviews",
				requests: [{ path: `/catalog/${popular.id}?reviewSort=helpful` }],
			},
		];
		const sorts = ["title", "type", "status", "progress", "rating", "updated", "started", "completed", "time", "year"];
		if (person.label === "heavy")
			for (const sort of sorts)
				scenarios.push({ name: `list sort: ${sort}`, group: "sorts", requests: [{ path: `/lists?sort=${sort}` }] });
		// A fresh server compiles its hot paths during its first requests: warm every scenario once (8
		// connections, results discarded) so the first one measured is not the only one paying for it.
		// (Quick mode keeps to its time budget and only warms each measurement.)
		for (const scenario of scenarios) {
			if (quick || (only && !only.includes(scenario.group))) continue;
			await measure({
				server,
				scenario,
				user: person.label,
				cookie,
				connections: 8,
				seconds: warmup / 2,
				warmupSeconds: 0,
			});
		}
		for (const scenario of scenarios) {
			if (only && !only.includes(scenario.group)) continue;
			for (const connections of scenario.group === "sorts" ? [1] : [1, 32]) {
				const m = await measure({
					server,
					scenario,
					user: `${person.label} (${person.entries})`,
					cookie,
					connections,
					seconds: scenario.group === "sorts" ? Math.max(1, seconds / 2) : seconds,
					warmupSeconds: warmup,
				});
				measurements.push(m);
				const pair = m.pair ? `  pair p50/p95/p99 ${m.pair.p50}/${m.pair.p95}/${m.pair.p99}` : "";
				log(
					`${m.user.padEnd(15)} ${m.scenario.padEnd(44)} c=${String(connections).padEnd(2)} w=${workers} ` +
						`${String(m.rps).padStart(7)} req/s  p50 ${m.p50}  p95 ${m.p95}  p99 ${m.p99} ms  err ${m.errors}  ` +
						`${m.bytesPerResponse} B  cpu ${m.cpuMsPerRequest} ms/req  rss ${m.peakRssMB} MB  load ${m.load1}${pair}`,
				);
			}
		}
	}
	const heavy = people.find((p) => p.label === "heavy");
	if (heavy) plans = await explainCoreQueries({ sql, userId: heavy.id, mediaId: popular.id, typo });
} finally {
	await server.stop();
	await sql`delete from auth.sessions where id = any(${sessionIds}::uuid[])`;
	await sql.end();
	const { closeDb } = await import("../../db/client.server");
	await closeDb();
}

console.log("\nEXPLAIN (ANALYZE, BUFFERS), heavy person:");
for (const plan of plans)
	console.log(
		`  ${plan.name}: ${plan.ms} ms, ${plan.rows} rows, buffers hit ${plan.hit} read ${plan.read}\n    ${plan.shape}`,
	);
const report = {
	startedAt,
	quick,
	database: new URL(databaseUrl).pathname.slice(1),
	workers,
	seed: summary,
	people: people.map(({ id: _id, ...p }) => p),
	loadAverageAtEnd: loadavg(),
	serverPeakRssMB: Math.round(Math.max(...measurements.map((m) => m.peakRssMB), 0)),
	measurements,
	plans,
};
const lines = budgetLines(report);
console.log("\nBudgets:");
for (const line of lines) console.log(`  ${line}`);
const files = writeResults(report, lines);
console.log(`\nresults: ${files.join(", ")}`);
process.exit(0);
