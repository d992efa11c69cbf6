import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { workReviewsQuery } from "~/models/reviews.server";
import { getDb } from "../../db/client.server";
import { stableId } from "../../db/seed/ids";
import { queryRows } from "./helpers";

const dune = stableId("movie-dune-2021");

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function walk(node: PlanNode, visit: (node: PlanNode) => void) {
	visit(node);
	for (const child of node.Plans ?? []) walk(child, visit);
}

describe("the work's reviews query", () => {
	let viewer = "";
	beforeAll(async () => {
		const db = getDb();
		await db.execute(sql`
			insert into users.users (id, username, display_name, email)
			select gen_random_uuid(), 'review_user_' || g, 'Reviewer ' || g, 'reviewer' || g || '@example.test'
			from generate_series(1, 300) g`);
		// Every reviewer reviews Dune and 30 other works: the work page reads one work among thousands of rows.
		await db.execute(sql`
			insert into interaction.reviews (media_id, user_id, body, rating, spoiler, helpful_count, created_at)
			select m.id, u.id, 'Review of ' || m.title, abs(hashtext(u.id::text || m.id::text)) % 101,
			       abs(hashtext(m.id::text || u.id::text)) % 5 = 0, abs(hashtext(u.username)) % 40,
			       now() - (abs(hashtext(u.id::text || m.title)) % 1000) * interval '1 hour'
			from users.users u
			cross join lateral (
				select id, title from media.media where id <> ${dune} order by md5(u.id::text || id::text) limit 30
			) m
			where u.username like 'review_user_%'
			on conflict do nothing`);
		await db.execute(sql`
			insert into interaction.reviews (media_id, user_id, body)
			select ${dune}, id, 'Dune again' from users.users where username like 'review_user_%'
			on conflict do nothing`);
		await db.execute(sql`analyze interaction.reviews`);
		await db.execute(sql`analyze interaction.review_votes`);
		const [row] = await queryRows<{ id: string }>(sql`select id from users.users where username = 'review_user_1'`);
		viewer = row.id;
	});

	for (const sort of ["newest", "helpful"] as const) {
		it(`${sort} first: one partition of reviews, read through an index, never sequentially`, async () => {
			const { query } = workReviewsQuery({ mediaId: dune, viewerId: viewer, sort, after: null });
			const result = await getDb().execute(sql`explain (format json) ${query}`);
			const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
			const raw = Object.values(rows[0])[0];
			const plan = ((typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0].Plan;
			const relations = new Set<string>();
			const scans: string[] = [];
			walk(plan, (node) => {
				if (node["Relation Name"]?.startsWith("reviews_p")) {
					relations.add(node["Relation Name"]);
					scans.push(node["Node Type"]);
				}
			});
			expect([...relations]).toHaveLength(1);
			expect(scans.length).toBeGreaterThan(0);
			for (const type of scans) expect(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]).toContain(type);
		});
	}
});
