/** Scales of the benchmark and the database each one uses by default. */
export type Scale = { works: number; people: number; entries: number };

export const FULL: Scale = { works: 1_000_000, people: 100_000, entries: 10_000_000 };
export const QUICK: Scale = { works: 100_000, people: 5_000, entries: 100_000 };

/** Entries of the heaviest person at every scale, so list figures compare across scales. */
export const HEAVY_ENTRIES = 10_000;

export type Args = { flags: Set<string>; values: Map<string, string> };

export function parseArgs(argv: string[]): Args {
	const flags = new Set<string>();
	const values = new Map<string, string>();
	for (const arg of argv) {
		const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
		if (!match) continue;
		if (match[2] === undefined) flags.add(match[1]);
		else values.set(match[1], match[2]);
	}
	return { flags, values };
}

const intOf = (text: string | undefined, fallback: number) => {
	if (text === undefined) return fallback;
	const n = Number(text.replace(/[_,]/g, ""));
	if (!Number.isInteger(n) || n <= 0) throw new Error(`not a positive whole number: ${text}`);
	return n;
};

export function scaleOf(args: Args): Scale {
	const base = args.flags.has("quick") ? QUICK : FULL;
	return {
		works: intOf(args.values.get("works"), base.works),
		people: intOf(args.values.get("people"), base.people),
		entries: intOf(args.values.get("entries"), base.entries),
	};
}

/**
 * The server database to use: DATABASE_URL when set, else a local one named for the mode. PGlite is
 * refused: the benchmark measures a PostgreSQL server.
 */
export function databaseUrlOf(args: Args): string {
	const url = args.values.get("database-url") ?? process.env.DATABASE_URL;
	if (url) {
		if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must name a PostgreSQL server (postgres://…)");
		return url;
	}
	if (process.env.BENCH_REQUIRE_URL)
		throw new Error("Set DATABASE_URL to a PostgreSQL server; PGlite is not benchmarked.");
	return `postgres://postgres@127.0.0.1:5432/${args.flags.has("quick") ? "omt_bench_quick" : "omt_bench"}`;
}
