import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";
import { stableId } from "../../db/seed/ids";

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	const result = await getDb().execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const expectedTables = {
	media: ["collections", "external_links", "media", "media_classes", "media_stats", "search_words"],
	users: ["preferences", "settings", "users"],
	interaction: [
		"list_items",
		"review_votes",
		"reviews",
		"smart_lists",
		"user_lists",
		"user_media",
		"user_media_totals",
	],
	auth: ["identities", "login_events", "rate_limits", "sessions", "tokens", "two_factor"],
	ingest: ["conflicts", "import_jobs", "import_logs", "sources"],
};

describe("database plan", () => {
	it("has the extensions and all five schemas with every table", async () => {
		const extensions = await rows<{ extname: string }>(sql`select extname from pg_extension order by 1`);
		expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(["ltree", "pg_trgm"]));
		const tables = await rows<{ schema: string; name: string }>(sql`
			select n.nspname as schema, c.relname as name
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and not c.relispartition
			  and n.nspname in ('media', 'users', 'interaction', 'auth', 'ingest')
			order by 1, 2`);
		const bySchema: Record<string, string[]> = {};
		for (const t of tables) {
			bySchema[t.schema] ??= [];
			bySchema[t.schema].push(t.name);
		}
		expect(bySchema).toEqual(expectedTables);
	});

	it("hash-partitions interaction.user_media by user_id into 16 partitions", async () => {
		const [partitioned] = await rows<{ strategy: string; key: string }>(sql`
			select pt.partstrat as strategy, pg_get_partkeydef(pt.partrelid) as key
			from pg_partitioned_table pt where pt.partrelid = 'interaction.user_media'::regclass`);
		expect(partitioned).toEqual({ strategy: "h", key: "HASH (user_id)" });
		const partitions = await rows<{ bound: string }>(sql`
			select pg_get_expr(c.relpartbound, c.oid) as bound
			from pg_inherits i join pg_class c on c.oid = i.inhrelid
			where i.inhparent = 'interaction.user_media'::regclass order by c.relname`);
		expect(partitions).toHaveLength(16);
		expect(partitions.map((p) => p.bound)).toEqual(
			Array.from({ length: 16 }, (_, i) => `FOR VALUES WITH (modulus 16, remainder ${i})`),
		);
	});

	it("has the indexes the design lists", async () => {
		const indexes = await rows<{ name: string; def: string }>(sql`
			select indexname as name, indexdef as def from pg_indexes
			where schemaname in ('media', 'interaction') and tablename in ('media', 'user_media', 'media_classes')`);
		const defOf = (name: string) => indexes.find((i) => i.name === name)?.def ?? "";
		expect(defOf("media_search_idx")).toContain("USING gin (search_vector)");
		expect(defOf("media_title_trgm_idx")).toContain("gin_trgm_ops");
		expect(defOf("media_class_gist")).toContain("USING gist (media_class)");
		expect(defOf("media_collection_gist")).toContain("USING gist (collection_path)");
		expect(defOf("user_media_status_idx")).toContain("(user_id, status, updated_at DESC)");
		expect(defOf("user_media_rating_idx")).toContain("(user_id, COALESCE((rating)::integer, '-1'::integer), media_id)");
		expect(defOf("user_media_updated_idx")).toContain("(user_id, updated_at, media_id)");
		expect(defOf("user_media_title_idx")).toContain("(user_id, ((meta_snapshot ->> 'title'::text)), media_id)");
		expect(defOf("user_media_status_rank_idx")).toContain("interaction.status_rank(status)");
		for (const sort of ["type", "progress", "started", "completed"])
			expect(defOf(`user_media_${sort}_idx`)).toMatch(/^CREATE INDEX .* \(user_id, .*media_id\)$/);
		expect(defOf("user_media_unfinished_idx")).toMatch(/WHERE \(status = ANY/);
		expect(defOf("media_hours_to_beat_idx")).toContain("attributes ->> 'hours_to_beat'");
	});

	it("keeps search_vector in the database, weighted title A, creators B, other text C", async () => {
		const id = stableId("test-search-vector");
		await getDb().execute(sql`
			insert into media.media (id, media_type, media_class, title, creators, attributes)
			values (${id}, 'book', 'written.books', 'Gardens of the Moon', array['Steven Erikson'],
			        '{"genres": ["epic fantasy"], "pages": 666}'::jsonb)`);
		const [row] = await rows<{ a: boolean; b: boolean; c: boolean; vector: string }>(sql`
			select search_vector @@ to_tsquery('english', 'garden:A') as a,
			       search_vector @@ to_tsquery('english', 'erikson:B') as b,
			       search_vector @@ to_tsquery('english', 'fantasy:C') as c,
			       search_vector::text as vector
			from media.media where id = ${id}`);
		expect(row).toMatchObject({ a: true, b: true, c: true });
		await getDb().execute(sql`update media.media set title = 'Deadhouse Gates' where id = ${id}`);
		const [updated] = await rows<{ old: boolean; renamed: boolean }>(sql`
			select search_vector @@ to_tsquery('english', 'garden') as old,
			       search_vector @@ to_tsquery('english', 'deadhouse:A') as renamed
			from media.media where id = ${id}`);
		expect(updated).toEqual({ old: false, renamed: true });
	});

	it("rejects rows that break the constraints", async () => {
		await expect(
			getDb().execute(sql`
				insert into media.media (media_type, media_class, title) values ('vinyl', 'audio.album', 'Nope')`),
		).rejects.toThrow();
		await expect(
			getDb().execute(sql`
				insert into media.media (media_type, media_class, title) values ('album', 'audio.nowhere', 'Nope')`),
		).rejects.toThrow();
	});
});
