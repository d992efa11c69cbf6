import { type SQL, sql } from "drizzle-orm";

/**
 * Keyset paging shared by the catalog and my list: a sort is a tuple of keys (NULLs folded to an end
 * value so row comparison works) followed by a unique id; the cursor is the last row's tuple.
 */
export type KeyPart = {
	expr: SQL;
	cast: "text" | "date" | "integer" | "numeric" | "timestamptz";
	of: (row: Record<string, unknown>) => unknown;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(values: unknown[]): string {
	return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function validKey(cast: KeyPart["cast"], value: unknown): boolean {
	if (cast === "integer") return Number.isSafeInteger(value);
	if (cast === "numeric") return typeof value === "number" && Number.isFinite(value);
	if (typeof value !== "string") return false;
	if (cast === "date") {
		return (
			/^\d{4}-\d{2}-\d{2}$/.test(value) &&
			!Number.isNaN(Date.parse(value)) &&
			new Date(value).toISOString().startsWith(value)
		);
	}
	// Timestamps travel as PostgreSQL's own text form, which keeps the microseconds a JS Date would drop.
	if (cast === "timestamptz") return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(value);
	return value.length <= 600;
}

/** A cursor from the URL, only if it has the shape this sort writes (else paging restarts). */
export function decodeCursor(cursor: string | null, keys: KeyPart[]): unknown[] | null {
	if (!cursor) return null;
	try {
		const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
		if (!Array.isArray(values) || values.length !== keys.length + 1) return null;
		const id = values[keys.length];
		if (typeof id !== "string" || !uuidPattern.test(id)) return null;
		return keys.every((key, i) => validKey(key.cast, values[i])) ? values : null;
	} catch {
		return null;
	}
}

/** The ORDER BY, the "after this cursor" condition and the next cursor for a key tuple and direction. */
export function keyset(keys: KeyPart[], id: SQL, dir: "asc" | "desc", after: unknown[] | null) {
	const direction = sql.raw(dir);
	const tuple = sql.join([...keys.map((k) => k.expr), id], sql`, `);
	let condition: SQL | undefined;
	if (after) {
		const values = sql.join(
			[...keys.map((k, i) => sql`${after[i]}::${sql.raw(k.cast)}`), sql`${after[keys.length]}::uuid`],
			sql`, `,
		);
		condition = dir === "asc" ? sql`(${tuple}) > (${values})` : sql`(${tuple}) < (${values})`;
	}
	return {
		orderBy: [...keys.map((k) => sql`${k.expr} ${direction}`), sql`${id} ${direction}`],
		condition,
		cursorOf: (row: Record<string, unknown>, rowId: string) => encodeCursor([...keys.map((k) => k.of(row)), rowId]),
	};
}
