import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client.server";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

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
		       jsonb_build_object('title', m.title, 'mediaType', m.media_type)
		from users.users u
		cross join lateral (
			select id, title, media_type from media.media
			order by md5(u.id::text || id::text)
			limit 40 + abs(hashtext(u.id::text)) % 80
		) m
		where u.username like 'plan_user_%'`);
	await db.execute(sql`analyze interaction.user_media`);
	const result = await db.execute(sql`
		select user_id from interaction.user_media group by user_id order by count(*) desc limit 1`);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { user_id: string }[];
	heavyUser = rows[0].user_id;
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
			where user_id = ${heavyUser}::uuid and rating is not null order by rating desc limit 50`,
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
