/**
 * `npm run bench:seed [-- --quick] [--works=N --people=N --entries=N] [--fresh]`
 *
 * Fills a PostgreSQL server database (never PGlite) to scale, generating every row inside PostgreSQL
 * (generate_series, INSERT … SELECT): works with titles from a word list, people with a skewed number of
 * entries (a few heavy users with 5,000+ entries, a long tail of light ones), custom lists, smart lists
 * and reviews in proportion. The interaction tables' indexes and foreign keys are dropped during the
 * load and rebuilt after it (two connections, one per core), then everything is vacuumed and analysed.
 */
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { type Args, databaseUrlOf, HEAVY_ENTRIES, parseArgs, type Scale, scaleOf } from "./scale";
import { firstNames, lastNames, reviewSentences, titleWords } from "./words";

type Sql = postgres.Sql;

const log = (message: string) => console.log(`[seed ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function timed<T>(label: string, phases: Record<string, number>, work: () => Promise<T>): Promise<T> {
	const started = performance.now();
	const result = await work();
	const seconds = (performance.now() - started) / 1000;
	phases[label] = Math.round(seconds * 10) / 10;
	log(`${label}: ${seconds.toFixed(1)} s`);
	return result;
}

/** Creates the database when missing (or drops and recreates it with --fresh). */
async function ensureDatabase(url: string, fresh: boolean) {
	const target = new URL(url);
	const name = decodeURIComponent(target.pathname.slice(1));
	if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing an unusual database name: ${name}`);
	const admin = new URL(url);
	admin.pathname = "/postgres";
	const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
	try {
		const exists = (await sql`select 1 from pg_database where datname = ${name}`).length > 0;
		if (exists && fresh) {
			log(`dropping database ${name}`);
			await sql.unsafe(`drop database ${name} with (force)`);
		}
		if (!exists || fresh) await sql.unsafe(`create database ${name}`);
	} finally {
		await sql.end();
	}
}

export type SeedSummary = {
	scale: Scale;
	actual: { works: number; people: number; entries: number; reviews: number; lists: number; smartLists: number };
	heavy: { username: string; entries: number }[];
	seconds: number;
	phases: Record<string, number>;
	sizes: { table: string; rows: number; tableMB: number; indexMB: number }[];
};

/** Entries per person by rank: the heavy head (HEAVY_ENTRIES down to 5,000), then a Zipf-like tail. */
function entriesPerRank(scale: Scale) {
	const heavyCount = Math.max(1, Math.floor(scale.people / 2_000));
	const heavyStep = heavyCount > 1 ? (HEAVY_ENTRIES - 5_000) / (heavyCount - 1) : 0;
	let heavyTotal = 0;
	for (let r = 1; r <= heavyCount; r++) heavyTotal += Math.round(HEAVY_ENTRIES - (r - 1) * heavyStep);
	const exponent = 0.7;
	const tailPeople = scale.people - heavyCount;
	const rest = Math.max(0, scale.entries - heavyTotal);
	// The tail is capped (4,999) and floored (1) per person: search the scale factor whose sum hits the target.
	const tailSum = (c: number) => {
		let sum = 0;
		for (let k = 1; k <= tailPeople; k++) sum += Math.max(1, Math.min(4_999, Math.round(c * k ** -exponent)));
		return sum;
	};
	let low = 0;
	let high = rest + 1;
	for (let i = 0; i < 60; i++) {
		const mid = (low + high) / 2;
		if (tailSum(mid) < rest) low = mid;
		else high = mid;
	}
	const tailC = high;
	return { heavyCount, heavyStep, exponent, tailC };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

async function loadCatalog(sql: Sql, scale: Scale) {
	const classes = await sql<{ path: string; media_type: string }[]>`
		select path::text as path, media_type from media.media_classes where media_type is not null order by path`;
	if (classes.length === 0) throw new Error("media.media_classes is empty: the demo catalog should have been seeded");
	await sql`alter table media.media disable trigger user`;
	const indexes = await sql<{ name: string; def: string }[]>`
		select indexname as name, indexdef as def from pg_indexes
		where schemaname = 'media' and tablename = 'media' and indexname <> 'media_pkey'`;
	for (const index of indexes) await sql.unsafe(`drop index media.${index.name}`);
	await sql`
		insert into media.media (id, media_type, media_class, title, release_date, country_of_origin, creators, attributes, search_vector)
		select gen_random_uuid(), g.media_type, g.media_class::ltree, g.title, g.release_date, g.country, g.creators, g.attributes,
		       setweight(to_tsvector('english', g.title), 'A') || setweight(to_tsvector('english', array_to_string(g.creators, ' ')), 'B')
		from (
			select t.media_type, t.media_class, t.title, t.release_date, t.country, t.creators,
			       case t.media_type
			         when 'movie' then jsonb_build_object('runtime_min', 75 + (random() * 90)::int)
			         when 'series' then jsonb_build_object('episodes', 6 + (random() * 60)::int, 'episode_min', 20 + (random() * 40)::int)
			         when 'anime' then jsonb_build_object('episodes', 12 + (random() * 40)::int, 'episode_min', 24)
			         when 'podcast' then jsonb_build_object('episodes', 10 + (random() * 200)::int, 'episode_min', 30 + (random() * 60)::int)
			         when 'book' then jsonb_build_object('pages', 90 + (random() * 600)::int)
			         when 'graphic_novel' then jsonb_build_object('pages', 60 + (random() * 200)::int)
			         when 'manga' then jsonb_build_object('chapters', 10 + (random() * 300)::int)
			         when 'webnovel' then jsonb_build_object('chapters', 50 + (random() * 900)::int)
			         when 'game' then jsonb_build_object('hours_to_beat', 4 + (random() * 80)::int)
			         when 'visual_novel' then jsonb_build_object('hours_to_beat', 5 + (random() * 50)::int)
			         else jsonb_build_object('tracks', 8 + (random() * 12)::int, 'length_min', 30 + (random() * 40)::int)
			       end as attributes
			from (
				select c.media_type, c.path as media_class,
				       initcap(w[1 + floor(nw * random() ^ 2)::int] || ' ' || w[1 + floor(nw * random())::int]
				         || case when random() < 0.6 then ' ' || w[1 + floor(nw * random() ^ 2)::int] else '' end
				         || case when random() < 0.25 then ' ' || w[1 + floor(nw * random())::int] else '' end) as title,
				       date '1950-01-01' + (random() * 27000)::int as release_date,
				       (array['US','GB','JP','KR','FR','DE','CN','IT','ES','CA','IN','BR','SE','AU','MX'])[1 + floor(random() * 15)::int] as country,
				       array[fn[1 + floor(random() * nf)::int] || ' ' || ln[1 + floor(random() * nl)::int]]
				         || case when random() < 0.3 then array[fn[1 + floor(random() * nf)::int] || ' ' || ln[1 + floor(random() * nl)::int]] else '{}'::text[] end as creators
				from generate_series(1, ${scale.works}::int) as g(i)
				cross join (select ${titleWords}::text[] as w, ${titleWords.length}::int as nw,
				                   ${firstNames}::text[] as fn, ${firstNames.length}::int as nf,
				                   ${lastNames}::text[] as ln, ${lastNames.length}::int as nl) as v
				join (select row_number() over (order by path) - 1 as k, path, media_type
				      from unnest(${classes.map((c) => c.path)}::text[], ${classes.map((c) => c.media_type)}::text[]) as x(path, media_type)) as c
				  on c.k = g.i % ${classes.length}
			) as t
		) as g`;
	await sql`alter table media.media enable trigger user`;
	return indexes.map((index) => index.def);
}

/** The vocabulary the search corrects against, as the trigger would have kept it (migrations/0002). */
async function refreshSearchWords(sql: Sql) {
	await sql`
		insert into media.search_words (word, uses)
		select w, count(*)::int from (
			select lower(x) as w from unnest(${titleWords}::text[]) as x
			union all select lower(x) from unnest(${firstNames}::text[]) as x
			union all select lower(x) from unnest(${lastNames}::text[]) as x
		) as v where length(w) between 3 and 40 group by w
		on conflict (word) do nothing`;
}

async function loadPeople(sql: Sql, scale: Scale) {
	const { heavyCount, heavyStep, exponent, tailC } = entriesPerRank(scale);
	const works = Number((await sql`select count(*)::int as n from media.media`)[0].n);
	const steps = [1, 3, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43].filter((step) => gcd(step, works) === 1);
	await sql`drop table if exists public.bench_people`;
	await sql`drop table if exists public.bench_works`;
	// Works numbered in a random order; low numbers are the popular ones (entries start there more often).
	await sql`
		create table public.bench_works as
		select (row_number() over (order by id) - 1)::int as idx, id, title, media_type,
		       media.snapshot(title, media_type, release_date, attributes) as snapshot
		from media.media`;
	await sql`alter table public.bench_works add primary key (idx)`;
	await sql`
		create table public.bench_people as
		select r, gen_random_uuid() as id,
		       least(${works}::int, case when r <= ${heavyCount} then round(${HEAVY_ENTRIES} - (r - 1) * ${heavyStep}::float8)::int
		            else greatest(1, least(4999, round(${tailC}::float8 * (r - ${heavyCount})::float8 ^ (-${exponent}::float8))::int)) end) as n,
		       floor(${works}::int * random() ^ 3)::int as start,
		       (${steps}::int[])[1 + r % ${steps.length}] as step
		from generate_series(1, ${scale.people}::int) as r`;
	await sql`alter table public.bench_people add primary key (r)`;
	await sql`
		insert into users.users (id, username, display_name, email, country, created_at, updated_at)
		select id, 'bench_' || r, 'Bench person ' || r, 'bench' || r || '@bench.invalid',
		       (array['US','GB','JP','KR','FR','DE'])[1 + r % 6], now() - interval '3 years', now()
		from public.bench_people`;
	await sql`insert into users.preferences (user_id, rating_scale) select id, 10 from public.bench_people`;
	await sql`insert into users.settings (user_id) select id from public.bench_people`;
	return works;
}

type Constraint = { name: string; def: string };

async function dropEntryIndexes(sql: Sql) {
	const indexes = await sql<{ name: string; def: string }[]>`
		select indexname as name, indexdef as def from pg_indexes
		where schemaname = 'interaction' and tablename = 'user_media' and indexname <> 'user_media_pkey'`;
	const constraints = await sql<Constraint[]>`
		select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
		where conrelid = 'interaction.user_media'::regclass and contype in ('p', 'f') order by contype desc`;
	for (const c of constraints) await sql.unsafe(`alter table interaction.user_media drop constraint ${c.name}`);
	for (const index of indexes) await sql.unsafe(`drop index interaction.${index.name}`);
	// A partitioned table's index reads "ON ONLY"; rebuilt on the parent, it covers every partition again.
	return { indexes: indexes.map((index) => index.def.replace(" ON ONLY ", " ON ")), constraints };
}

/** One person's entries: works start + i·step (mod works), distinct because step is coprime with the count. */
async function loadEntries(sql: Sql, works: number, part: number, parts: number) {
	await sql`
		insert into interaction.user_media (user_id, media_id, status, progress, rating, repeat_count, started_at, completed_at,
		                                    meta_snapshot, created_at, updated_at)
		select e.user_id, e.media_id, e.status,
		       case when e.status = 'planning' then 0 else (e.r2 * 60)::int end,
		       case when e.status in ('completed', 'dropped', 'paused') and e.r3 < 0.8 then (1 + floor(e.r3 * 12.5))::int * 10 end,
		       case when e.status = 'completed' and e.r4 < 0.05 then 1 else 0 end,
		       case when e.status <> 'planning' and e.r4 < 0.7 then e.started end,
		       case when e.status = 'completed' and e.r4 < 0.7 then e.started + (e.r2 * 120)::int end,
		       e.snapshot,
		       e.updated - interval '30 days', e.updated
		from (
			select d.*,
			       case when d.s < 0.45 then 'completed' when d.s < 0.70 then 'planning' when d.s < 0.82 then 'in_progress'
			            when d.s < 0.90 then 'paused' else 'dropped' end as status
			from (
				-- Every random() in the select list, so each row draws its own (an uncorrelated lateral draws once).
				select p.id as user_id, w.id as media_id, w.snapshot,
				       random() as s, random() as r2, random() as r3, random() as r4,
				       date '2016-01-01' + (random() * 3000)::int as started,
				       now() - random() * interval '1000 days' as updated
				from public.bench_people p
				cross join lateral generate_series(0, p.n - 1) as i
				join public.bench_works w on w.idx = ((p.start::bigint + i::bigint * p.step) % ${works})::int
				where p.r % ${parts} = ${part}
			) as d
		) as e`;
}

/**
 * Runs one statement; retried when a concurrent CREATE INDEX took the same generated name for a partition's
 * index (PostgreSQL names them from the columns, and a failed CREATE INDEX leaves nothing behind).
 */
async function runStatement(pool: Sql, statement: string) {
	for (let attempt = 1; ; attempt++) {
		try {
			return await pool.unsafe(statement);
		} catch (error) {
			const clash =
				(error as { code?: string; constraint_name?: string }).constraint_name === "pg_class_relname_nsp_index";
			if (!clash || attempt >= 5) throw error;
			await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
		}
	}
}

/** Runs statements two at a time (the pool's two connections, one per core). */
async function rebuild(pool: Sql, statements: string[]) {
	const queue = [...statements];
	const worker = async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			const started = performance.now();
			await runStatement(pool, next);
			log(
				`  ${((performance.now() - started) / 1000).toFixed(1)} s  ${next.trim().replace(/\s+/g, " ").slice(0, 110)}`,
			);
		}
	};
	await Promise.all([worker(), worker()]);
}

async function loadListsAndReviews(sql: Sql) {
	// Static lists: every third person one, heavy people five; items from the owner's own entries.
	await sql`
		insert into interaction.user_lists (user_id, id, kind, name, description, visibility, created_at, updated_at)
		select p.id, gen_random_uuid(), 'static', 'Favourites ' || k, 'Generated list', case when k = 1 then 'public' else 'private' end,
		       now() - interval '200 days', now() - (k || ' days')::interval
		from public.bench_people p cross join lateral generate_series(1, case when p.n >= 5000 then 5 else 1 end) as k
		where p.r % 3 = 0 or p.n >= 5000`;
	await sql`
		insert into interaction.list_items (user_id, list_id, media_id, position)
		select l.user_id, l.id, um.media_id, row_number() over (partition by l.id order by um.media_id)::int
		from interaction.user_lists l
		cross join lateral (select media_id from interaction.user_media u where u.user_id = l.user_id
		                    order by u.updated_at desc limit 30) as um
		where l.kind = 'static'`;
	// Smart lists: every fifth person and every heavy one, over definitions people save from /lists.
	await sql`
		with owners as (
			select p.id as user_id, gen_random_uuid() as list_id, p.r from public.bench_people p where p.r % 5 = 0 or p.n >= 5000
		), lists as (
			insert into interaction.user_lists (user_id, id, kind, name, created_at, updated_at)
			select user_id, list_id, 'smart', 'Smart ' || r, now() - interval '100 days', now() - interval '1 day' from owners
			returning user_id, id
		)
		insert into interaction.smart_lists (user_id, list_id, filter_definition)
		select o.user_id, o.list_id, case o.r % 3
		         when 0 then '{"scope":"lists","status":["completed"],"sort":"rating","dir":"desc"}'::jsonb
		         when 1 then '{"scope":"lists","status":["planning","in_progress"],"sort":"title","dir":"asc"}'::jsonb
		         else '{"scope":"lists","type":["book","manga"],"sort":"updated","dir":"desc"}'::jsonb end
		from owners o join lists l on l.id = o.list_id`;
	// Reviews: 30% of the entries of the 100 most popular works, 1.5% of the rest; rating = the entry's.
	await sql`
		insert into interaction.reviews (media_id, user_id, body, rating, spoiler, created_at, updated_at)
		select um.media_id, um.user_id,
		       (${reviewSentences}::text[])[1 + floor(random() * ${reviewSentences.length})::int] || E'\n\n' ||
		       (${reviewSentences}::text[])[1 + floor(random() * ${reviewSentences.length})::int] || ' ' ||
		       (${reviewSentences}::text[])[1 + floor(random() * ${reviewSentences.length})::int],
		       um.rating, random() < 0.1, um.updated_at, um.updated_at
		from interaction.user_media um join public.bench_works w on w.id = um.media_id
		where random() < case when w.idx < 100 then 0.3 else 0.015 end`;
	await sql`
		update interaction.reviews set helpful_count = (random() * 20)::int where random() < 0.2`;
}

/**
 * A person's totals (migrations/0006), as its trigger would have kept them during the load: the
 * migration's backfill, one statement per partition of user_media, two at a time.
 */
async function loadTotals(pool: Sql) {
	await pool`truncate interaction.user_media_totals`;
	const partitions = await pool<{ name: string }[]>`
		select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
		where i.inhparent = 'interaction.user_media'::regclass order by 1`;
	await rebuild(
		pool,
		partitions.map(
			(p) => `
		insert into interaction.user_media_totals (user_id, status, media_type, media_class, entries, minutes_left, minutes_spent)
		select e.user_id, e.status, e.media_type, e.media_class, count(*), coalesce(sum(e.left_min), 0),
		       coalesce(sum(e.estimated - e.left_min), 0)
		from (
			select um.user_id, um.status, m.media_type, m.media_class,
			       media.minutes_left(m.media_type, m.attributes, um.status, um.progress) as left_min,
			       media.estimated_minutes(m.media_type, m.attributes) as estimated
			from interaction.${p.name} um join media.media m on m.id = um.media_id
		) as e
		group by e.user_id, e.status, e.media_type, e.media_class`,
		),
	);
}

/** media_stats from the generated rows (each review's rating is its writer's entry rating: counted once). */
async function loadStats(sql: Sql) {
	await sql`
		insert into media.media_stats (media_id, tracking_count, ratings_count, ratings_sum, reviews_count)
		select m.id, coalesce(t.n, 0), coalesce(t.rc, 0), coalesce(t.rs, 0), coalesce(r.n, 0)
		from media.media m
		left join (select media_id, count(*)::int as n, count(rating)::int as rc, coalesce(sum(rating), 0)::bigint as rs
		           from interaction.user_media group by media_id) as t on t.media_id = m.id
		left join (select media_id, count(*)::int as n from interaction.reviews group by media_id) as r on r.media_id = m.id
		on conflict (media_id) do update set tracking_count = excluded.tracking_count, ratings_count = excluded.ratings_count,
		  ratings_sum = excluded.ratings_sum, reviews_count = excluded.reviews_count`;
}

export async function readSizes(sql: Sql) {
	const rows = await sql<{ table: string; rows: string; table_bytes: string; index_bytes: string }[]>`
		with t(name) as (values ('media.media'), ('media.media_stats'), ('media.search_words'), ('users.users'),
		       ('interaction.user_media'), ('interaction.reviews'), ('interaction.user_lists'), ('interaction.list_items'),
		       ('interaction.smart_lists'), ('interaction.user_media_totals'))
		select t.name as table, coalesce(sum(c.reltuples), 0)::bigint as rows,
		       coalesce(sum(pg_table_size(c.oid)), 0) as table_bytes, coalesce(sum(pg_indexes_size(c.oid)), 0) as index_bytes
		from t
		cross join lateral (
			select p.relid from pg_partition_tree(t.name::regclass) p where p.isleaf
			union all select t.name::regclass where not exists (select 1 from pg_partition_tree(t.name::regclass))
		) as r
		join pg_class c on c.oid = r.relid
		group by t.name
		order by t.name`;
	return rows.map((row) => ({
		table: row.table,
		rows: Number(row.rows),
		tableMB: Math.round(Number(row.table_bytes) / 1048576),
		indexMB: Math.round(Number(row.index_bytes) / 1048576),
	}));
}

export async function readSeedSummary(sql: Sql): Promise<SeedSummary | null> {
	const exists = await sql`select 1 from pg_tables where schemaname = 'public' and tablename = 'bench_seed'`;
	if (exists.length === 0) return null;
	const [row] = await sql<{ summary: SeedSummary }[]>`select summary from public.bench_seed`;
	return row?.summary ?? null;
}

export async function seed(args: Args): Promise<SeedSummary> {
	const scale = scaleOf(args);
	const url = databaseUrlOf(args);
	await ensureDatabase(url, args.flags.has("fresh"));
	process.env.DATABASE_URL = url;
	const { migrateDatabase } = await import("../../db/migrate");
	const { seedIfEmpty } = await import("../../db/seed/index");
	const { closeDb } = await import("../../db/client.server");
	const started = performance.now();
	const phases: Record<string, number> = {};
	await timed("migrate + demo catalog", phases, async () => {
		await migrateDatabase();
		await seedIfEmpty();
		await closeDb();
	});
	const pool = postgres(url, {
		max: 2,
		onnotice: () => {},
		idle_timeout: 5,
		// One index build per connection (two at a time), not parallel workers competing for the same cores.
		connection: {
			synchronous_commit: "off",
			work_mem: "256MB",
			maintenance_work_mem: "1GB",
			max_parallel_maintenance_workers: 0,
		},
	});
	try {
		const already = await readSeedSummary(pool);
		if (already) throw new Error(`${new URL(url).pathname.slice(1)} is already seeded; pass --fresh to start again`);
		log(`scale: ${scale.works} works, ${scale.people} people, ${scale.entries} entries`);
		const mediaIndexes = await timed("works", phases, () =>
			pool.reserve().then(async (conn) => {
				try {
					return await loadCatalog(conn, scale);
				} finally {
					conn.release();
				}
			}),
		);
		await timed("works: indexes + search words", phases, async () => {
			await rebuild(pool, mediaIndexes);
			await refreshSearchWords(pool);
		});
		const works = await timed("people", phases, () => loadPeople(pool, scale));
		const dropped = await dropEntryIndexes(pool);
		await timed("entries", phases, async () => {
			await Promise.all(
				[0, 1].map(async (part) => {
					const conn = await pool.reserve();
					try {
						// Triggers off for the bulk load (the totals are computed set-based below); superuser only.
						await conn`set session_replication_role = replica`;
						await loadEntries(conn, works, part, 2);
						await conn`set session_replication_role = origin`;
					} finally {
						conn.release();
					}
				}),
			);
		});
		await timed("entries: keys + indexes", phases, async () => {
			const primary = dropped.constraints.filter((c) => c.def.startsWith("PRIMARY KEY"));
			const foreign = dropped.constraints.filter((c) => !c.def.startsWith("PRIMARY KEY"));
			await rebuild(pool, [
				...primary.map((c) => `alter table interaction.user_media add constraint ${c.name} ${c.def}`),
				...dropped.indexes,
			]);
			await rebuild(
				pool,
				foreign.map((c) => `alter table interaction.user_media add constraint ${c.name} ${c.def}`),
			);
		});
		await timed("entry totals", phases, () => loadTotals(pool));
		await timed("lists, smart lists, reviews", phases, () => loadListsAndReviews(pool));
		await timed("media_stats", phases, () => loadStats(pool));
		await timed("vacuum analyze", phases, async () => {
			await rebuild(pool, [
				"vacuum (analyze) interaction.user_media",
				"vacuum (analyze) media.media",
				"vacuum (analyze) interaction.reviews",
				"vacuum (analyze) media.media_stats",
				"vacuum (analyze) interaction.list_items",
				"vacuum (analyze) interaction.user_lists",
				"vacuum (analyze) interaction.smart_lists",
				"vacuum (analyze) users.users",
				"vacuum (analyze) users.preferences",
				"vacuum (analyze) media.search_words",
				"vacuum (analyze) interaction.user_media_totals",
			]);
		});
		const [counts] = await pool<
			{ works: number; people: number; entries: number; reviews: number; lists: number; smart: number }[]
		>`
			select (select count(*)::int from media.media) as works, (select count(*)::int from users.users) as people,
			       (select count(*)::int from interaction.user_media) as entries, (select count(*)::int from interaction.reviews) as reviews,
			       (select count(*)::int from interaction.user_lists where kind = 'static') as lists,
			       (select count(*)::int from interaction.smart_lists) as smart`;
		const heavy = await pool<{ username: string; entries: number }[]>`
			select 'bench_' || r as username, n as entries from public.bench_people order by r limit 3`;
		const summary: SeedSummary = {
			scale,
			actual: {
				works: counts.works,
				people: counts.people,
				entries: counts.entries,
				reviews: counts.reviews,
				lists: counts.lists,
				smartLists: counts.smart,
			},
			heavy,
			seconds: Math.round((performance.now() - started) / 100) / 10,
			phases,
			sizes: await readSizes(pool),
		};
		await pool`create table public.bench_seed (summary jsonb not null)`;
		await pool`insert into public.bench_seed (summary) values (${pool.json(summary as never)})`;
		return summary;
	} finally {
		await pool.end();
	}
}

export function printSeedSummary(summary: SeedSummary) {
	const a = summary.actual;
	console.log(
		`\nseeded in ${summary.seconds} s: ${a.works.toLocaleString("en")} works, ${a.people.toLocaleString("en")} people, ` +
			`${a.entries.toLocaleString("en")} entries, ${a.reviews.toLocaleString("en")} reviews, ` +
			`${a.lists.toLocaleString("en")} lists, ${a.smartLists.toLocaleString("en")} smart lists`,
	);
	console.log(`heaviest people: ${summary.heavy.map((h) => `${h.username} (${h.entries})`).join(", ")}`);
	console.log("\n| table | rows | table MB | indexes MB |\n|---|---:|---:|---:|");
	for (const s of summary.sizes)
		console.log(`| ${s.table} | ${s.rows.toLocaleString("en")} | ${s.tableMB} | ${s.indexMB} |`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const summary = await seed(parseArgs(process.argv.slice(2)));
	printSeedSummary(summary);
}
