import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFilterSpec } from "~/lib/filter-spec";
import { indexedListSorts, myEntriesPageQuery } from "~/models/my-list.server";
import { getDb } from "../../db/client.server";

type PlanNode = {
	"Node Type": string;
	"Relation Name"?: string;
	"Index Name"?: string;
	"Index Cond"?: string;
	Filter?: string;
	Plans?: PlanNode[];
};

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
	visit(node);
	for (const child of node.Plans ?? []) walk(child, visit);
}

async function explain(query: ReturnType<typeof sql>): Promise<PlanNode> {
	const result = await getDb().execute(sql`explain (format json) ${query}`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
	const raw = Object.values(rows[0])[0];
	const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
	return plan[0].Plan;
}

let heavyUser = "";
let wholeCatalogUser = "";

// 300 people with 40–120 entries each over the demo catalog: enough rows per partition that the
// planner's choice reflects the design, not a table small enough to read whole.
beforeAll(async () => {
	const db = getDb();
	await db.execute(sql`
		insert into users.users (id, username, display_name, email)
		select gen_random_uuid(), 'plan_user_' || g, 'Plan user ' || g, 'plan' || g || '@example.test'
		from generate_series(1, 300) g`);
	await db.execute(sql`
		insert into interaction.user_media (user_id, media_id, status, rating, updated_at, meta_snapshot)
		select u.id, m.id,
		       (array['planning','in_progress','completed','paused','dropped'])[1 + (abs(hashtext(u.id::text || m.id::text)) % 5)],
		       case when abs(hashtext(m.id::text || u.id::text)) % 3 = 0 then abs(hashtext(m.id::text)) % 101 end,
		       now() - (abs(hashtext(u.id::text || m.title)) % 1000) * interval '1 hour',
		       media.snapshot(m.title, m.media_type, m.release_date, m.attributes)
		from users.users u
		cross join lateral (
			select id, title, media_type, release_date, attributes from media.media
			order by md5(u.id::text || id::text)
			limit 40 + abs(hashtext(u.id::text)) % 80
		) m
		where u.username like 'plan_user_%'`);
	await db.execute(sql`analyze interaction.user_media`);
	const result = await db.execute(sql`
		select user_id from interaction.user_media group by user_id order by count(*) desc limit 1`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { user_id: string }[];
	heavyUser = rows[0].user_id;
	// One person who tracks the whole demo catalog: the shape of a heavy user's list page.
	await db.execute(sql`
		insert into users.users (id, username, display_name, email)
		values (gen_random_uuid(), 'plan_user_all', 'Plan user all', 'plan_all@example.test')`);
	await db.execute(sql`
		insert into interaction.user_media
			(user_id, media_id, status, progress, rating, started_at, completed_at, updated_at, meta_snapshot)
		select u.id, m.id,
		       (array['planning','in_progress','completed','paused','dropped'])[1 + (abs(hashtext(m.id::text)) % 5)],
		       abs(hashtext(m.title)) % 10,
		       case when abs(hashtext(m.id::text)) % 3 = 0 then abs(hashtext(m.title)) % 101 end,
		       date '2020-01-01' + abs(hashtext(m.id::text)) % 1500,
		       date '2024-01-01' + abs(hashtext(m.title)) % 300,
		       now() - (abs(hashtext(m.title)) % 1000) * interval '1 hour',
		       media.snapshot(m.title, m.media_type, m.release_date, m.attributes)
		from users.users u cross join media.media m
		where u.username = 'plan_user_all'`);
	await db.execute(sql`analyze interaction.user_media`);
	const all = await db.execute(sql`select id from users.users where username = 'plan_user_all'`);
	wholeCatalogUser = ((Array.isArray(all) ? all : (all as { rows: unknown[] }).rows) as { id: string }[])[0].id;
});

describe("user-scoped queries on interaction.user_media", () => {
	const queries = {
		"status filter, newest first": () => sql`
			select media_id, status, updated_at from interaction.user_media
			where user_id = ${heavyUser}::uuid and status = 'completed'
			order by updated_at desc limit 50`,
		"whole list, newest first": () => sql`
			select media_id, status, updated_at from interaction.user_media
			where user_id = ${heavyUser}::uuid order by updated_at desc limit 50`,
		"rated entries, best first": () => sql`
			select media_id, rating from interaction.user_media
			where user_id = ${heavyUser}::uuid order by coalesce(rating, -1) desc, media_id desc limit 50`,
	};

	for (const [name, query] of Object.entries(queries)) {
		it(`${name}: scans exactly one partition, through an index, never sequentially`, async () => {
			const plan = await explain(query());
			const relations = new Set<string>();
			const scans: string[] = [];
			const indexes: string[] = [];
			walk(plan, (node) => {
				if (node["Relation Name"]?.startsWith("user_media")) {
					relations.add(node["Relation Name"]);
					scans.push(node["Node Type"]);
				}
				if (node["Index Name"]) indexes.push(node["Index Name"]);
			});
			expect([...relations]).toHaveLength(1);
			expect([...relations][0]).toMatch(/^user_media_p\d\d$/);
			// Index Scan / Index Only Scan, or a Bitmap Heap Scan fed by a Bitmap Index Scan.
			expect(scans.length).toBeGreaterThan(0);
			for (const type of scans) expect(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]).toContain(type);
			expect(indexes.length).toBeGreaterThan(0);
			for (const index of indexes) expect(index).toMatch(/^user_media_p\d\d_/);
		});
	}
});

describe("the my-list page query", () => {
	const sorts = ["title", "type", "status", "progress", "rating", "updated", "started", "completed", "time", "year"];
	for (const sort of sorts) {
		for (const dir of ["asc", "desc"]) {
			it(`sorted by ${sort} ${dir}: one partition, read in order from the sort's index (no sort step)`, async () => {
				// A person tracking the whole demo catalog, where reading in index order pays. Time left and
				// year are indexed on the entry's snapshot of its work (migrations/0008).
				expect(indexedListSorts).toContain(sort);
				const spec = parseFilterSpec(new URLSearchParams({ sort, dir }), "lists");
				const userId = wholeCatalogUser;
				const { query } = await myEntriesPageQuery({ userId, spec });
				const plan = await explain(sql`${query}`);
				const relations = new Set<string>();
				const scans: string[] = [];
				const steps: string[] = [];
				walk(plan, (node) => {
					steps.push(node["Node Type"]);
					if (node["Relation Name"]?.startsWith("user_media")) {
						relations.add(node["Relation Name"]);
						scans.push(node["Node Type"]);
					}
				});
				expect([...relations]).toHaveLength(1);
				expect([...relations][0]).toMatch(/^user_media_p\d\d$/);
				expect(scans).toEqual(["Index Scan"]);
				expect(steps.filter((step) => step.includes("Sort"))).toEqual([]);
			});
		}
	}
});

describe("the my-list page query after a cursor", () => {
	for (const sort of ["title", "status", "progress", "rating", "time", "year"]) {
		it(`sorted by ${sort}: the next page starts in the index (the cursor is an index condition)`, async () => {
			const spec = parseFilterSpec(new URLSearchParams({ sort, dir: "asc", size: "25" }), "lists");
			const first = await myEntriesPageQuery({ userId: wholeCatalogUser, spec });
			const rows = await first.query;
			expect(rows.length).toBeGreaterThan(25);
			const after = first.cursorOf(rows[24] as unknown as Record<string, unknown>, rows[24].mediaId);
			const next = parseFilterSpec(new URLSearchParams({ sort, dir: "asc", size: "25", after }), "lists");
			expect(next.after).toBe(after);
			const { query } = await myEntriesPageQuery({ userId: wholeCatalogUser, spec: next });
			const plan = await explain(sql`${query}`);
			const scans: PlanNode[] = [];
			walk(plan, (node) => {
				if (node["Relation Name"]?.startsWith("user_media")) scans.push(node);
			});
			expect(scans.map((node) => node["Node Type"])).toEqual(["Index Scan"]);
			expect(scans[0]["Index Cond"]).toMatch(/media_id/);
			expect(scans[0].Filter ?? "").not.toMatch(/media_id/);
			// And the page itself is the one after the cursor.
			const page = await query;
			expect(page[0].mediaId).toBe(rows[25].mediaId);
		});
	}
});
