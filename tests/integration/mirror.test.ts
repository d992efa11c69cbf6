import { is, sql } from "drizzle-orm";
import { getTableConfig, type PgTable, PgTable as PgTableClass } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import * as schema from "../../db/schema";

type Column = { table: string; column: string; type: string; notNull: boolean };

const normalise = (type: string) => type.replace(/\s+/g, "").toLowerCase();

function mirrorColumns(): Column[] {
	const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTableClass));
	return tables.flatMap((table) => {
		const config = getTableConfig(table);
		return config.columns.map((column) => ({
			table: `${config.schema}.${config.name}`,
			column: column.name,
			type: normalise(column.getSQLType()),
			notNull: column.notNull,
		}));
	});
}

describe("Drizzle mirror", () => {
	it("matches the migrated database: tables, columns, types and nullability", async () => {
		const result = await getDb().execute(sql`
			select n.nspname || '.' || c.relname as table, a.attname as column,
			       format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as "notNull"
			from pg_attribute a
			join pg_class c on c.oid = a.attrelid
			join pg_namespace n on n.oid = c.relnamespace
			where n.nspname in ('media', 'users', 'interaction', 'auth', 'ingest')
			  and c.relkind in ('r', 'p') and not c.relispartition
			  and a.attnum > 0 and not a.attisdropped`);
		const rows = (Array.isArray(result) ? result : (result as { rows: Column[] }).rows) as Column[];
		const database = rows.map((row) => ({ ...row, type: normalise(row.type) }));
		const key = (c: Column) => `${c.table}.${c.column}`;
		const sortByKey = (list: Column[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
		expect(sortByKey(mirrorColumns())).toEqual(sortByKey(database));
	});
});
