/**
 * EXPLAIN (ANALYZE, BUFFERS) of the core queries, summarised: plan shape (nodes with their relations and
 * indexes), rows, shared buffers hit/read and time. The list page query is the app's own (built by
 * myEntriesPageQuery); the others restate the models' SQL for one person and one work.
 */
import type postgres from "postgres";

type PlanNode = {
	"Node Type": string;
	"Relation Name"?: string;
	"Index Name"?: string;
	"Actual Rows"?: number;
	"Actual Loops"?: number;
	"Shared Hit Blocks"?: number;
	"Shared Read Blocks"?: number;
	Plans?: PlanNode[];
};

export type PlanSummary = { name: string; shape: string; rows: number; hit: number; read: number; ms: number };

function shapeOf(node: PlanNode): string {
	const label = node["Index Name"]
		? `${node["Node Type"]}(${node["Index Name"].replace(/_p\d\d_/, "_pNN_")})`
		: node["Relation Name"]
			? `${node["Node Type"]}(${node["Relation Name"].replace(/_p\d\d$/, "_pNN")})`
			: node["Node Type"];
	const children = (node.Plans ?? []).map((child) => shapeOf(child));
	// Partition scans under an Append repeat the same label: show it once with a count.
	const folded: string[] = [];
	for (const child of children) {
		const last = folded.at(-1);
		if (last && last.replace(/ ×\d+$/, "") === child) {
			const n = Number(/ ×(\d+)$/.exec(last)?.[1] ?? 1) + 1;
			folded[folded.length - 1] = `${child} ×${n}`;
		} else folded.push(child);
	}
	return folded.length ? `${label} > [${folded.join(", ")}]` : label;
}

export async function explain(sql: postgres.Sql, name: string, text: string, params: unknown[] = []) {
	const [row] = await sql.unsafe(`explain (analyze, buffers, format json) ${text}`, params as never[]);
	const plan = (row["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[])[0];
	return {
		name,
		shape: shapeOf(plan.Plan),
		rows: plan.Plan["Actual Rows"] ?? 0,
		hit: plan.Plan["Shared Hit Blocks"] ?? 0,
		read: plan.Plan["Shared Read Blocks"] ?? 0,
		ms: Math.round(plan["Execution Time"] * 100) / 100,
	} satisfies PlanSummary;
}

/** The core queries of the pages under test, for one person (userId) and one popular work (mediaId). */
export async function explainCoreQueries({
	sql,
	userId,
	mediaId,
	typo,
}: {
	sql: postgres.Sql;
	userId: string;
	mediaId: string;
	typo: string;
}): Promise<PlanSummary[]> {
	const { myEntriesPageQuery } = await import("../../app/models/my-list.server");
	const { parseFilterSpec } = await import("../../app/lib/filter-spec");
	const { planSearch, tsqueryOf } = await import("../../app/models/catalog-search.server");
	const { PgDialect } = await import("drizzle-orm/pg-core");
	const out: PlanSummary[] = [];
	for (const [label, search] of [
		["list page: default (updated)", ""],
		["list page: status=completed, sort=title", "status=completed&sort=title&dir=asc"],
		["list page: sort=time", "sort=time"],
	]) {
		const spec = parseFilterSpec(new URLSearchParams(search), "lists");
		const { query } = await myEntriesPageQuery({ userId, spec });
		const built = query.toSQL();
		out.push(await explain(sql, label, built.sql, built.params));
	}
	out.push(
		await explain(
			sql,
			"list total, summary and sidebar (person's totals, 0006)",
			`select t.status, c.path, sum(t.entries), sum(t.minutes_left), sum(t.minutes_spent) from media.media_classes c
			 left join interaction.user_media_totals t on t.user_id = $1 and t.media_class <@ c.path group by t.status, c.path`,
			[userId],
		),
	);
	out.push(
		await explain(
			sql,
			"list count, other filters (capped at 10,001)",
			`select count(*) from (select 1 from interaction.user_media um join media.media m on m.id = um.media_id
			 where um.user_id = $1 and um.rating >= 50 limit 10001) c`,
			[userId],
		),
	);
	out.push(
		await explain(
			sql,
			"before 0006: summary aggregated from every entry",
			`select um.status, count(*)::int, coalesce(sum(media.minutes_left(m.media_type, m.attributes, um.status, um.progress)), 0)
			 from interaction.user_media um join media.media m on m.id = um.media_id where um.user_id = $1 group by um.status`,
			[userId],
		),
	);
	const plan = await planSearch(typo);
	const tsq = new PgDialect().sqlToQuery(tsqueryOf(plan));
	out.push(
		await explain(
			sql,
			`catalog typo search "${typo}" (ranked page)`,
			`select m.id, m.title from media.media m
			 where m.id in (select c.id from media.media c where c.search_vector @@ ${tsq.sql} limit 2000)
			 order by ts_rank_cd(m.search_vector, ${tsq.sql}) + word_similarity($${tsq.params.length + 1}, m.title) desc, m.id
			 limit 51`,
			[...tsq.params, plan.correctedText ?? typo],
		),
	);
	out.push(
		await explain(
			sql,
			"catalog class browse (title keyset)",
			`select m.id, m.title from media.media m left join media.media_stats s on s.media_id = m.id
			 where m.media_class <@ 'video'::ltree and (m.title, m.id) > ('M', '00000000-0000-0000-0000-000000000000'::uuid)
			 order by m.title, m.id limit 51`,
		),
	);
	out.push(
		await explain(
			sql,
			"catalog count (capped)",
			`select count(*) from (select 1 from media.media m where m.media_class <@ 'video'::ltree limit 10001) c`,
		),
	);
	out.push(
		await explain(
			sql,
			"work reviews (most helpful page)",
			`select r.id, r.body from interaction.reviews r join users.users u on u.id = r.user_id
			 where r.media_id = $1 order by r.helpful_count desc, r.created_at desc, r.id desc limit 21`,
			[mediaId],
		),
	);
	return out;
}
