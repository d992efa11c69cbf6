import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { closeDb, type Database, getDb } from "./client.server";
import { rowsOf } from "./rows";

/**
 * Recomputes media.media_stats from the interaction data, set-based in one transaction, and fixes the
 * works whose counters drifted: tracking (entries), reviews, and the community rating, which counts a
 * person once per work — their entry's rating, or else their review's (docs/decisions/007). Also
 * recounts each review's helpful marks. Returns how many rows were corrected.
 */
export async function rebuildMediaStats(db: Database = getDb()): Promise<{ works: number; reviews: number }> {
	return db.transaction(async (tx) => {
		const [works] = rowsOf<{ n: number }>(
			await tx.execute(sql`
				with fresh as (
					select m.id as media_id,
					       coalesce(t.n, 0)::int as tracking_count,
					       coalesce(r.n, 0)::int as ratings_count,
					       coalesce(r.s, 0)::bigint as ratings_sum,
					       coalesce(v.n, 0)::int as reviews_count
					from media.media m
					left join (select media_id, count(*) as n from interaction.user_media group by media_id) t
					  on t.media_id = m.id
					left join (
						select media_id, count(*) as n, sum(rating) as s
						from (
							select coalesce(um.media_id, rv.media_id) as media_id, coalesce(um.rating, rv.rating) as rating
							from interaction.user_media um
							full join interaction.reviews rv on rv.media_id = um.media_id and rv.user_id = um.user_id
						) counted
						where rating is not null
						group by media_id
					) r on r.media_id = m.id
					left join (select media_id, count(*) as n from interaction.reviews group by media_id) v
					  on v.media_id = m.id
				),
				drifted as (
					select f.* from fresh f
					left join media.media_stats s on s.media_id = f.media_id
					where coalesce(s.tracking_count, 0) <> f.tracking_count
					   or coalesce(s.ratings_count, 0) <> f.ratings_count
					   or coalesce(s.ratings_sum, 0) <> f.ratings_sum
					   or coalesce(s.reviews_count, 0) <> f.reviews_count
				),
				fixed as (
					insert into media.media_stats (media_id, tracking_count, ratings_count, ratings_sum, reviews_count)
					select media_id, tracking_count, ratings_count, ratings_sum, reviews_count from drifted
					on conflict (media_id) do update set
						tracking_count = excluded.tracking_count,
						ratings_count = excluded.ratings_count,
						ratings_sum = excluded.ratings_sum,
						reviews_count = excluded.reviews_count,
						updated_at = now()
					returning 1
				)
				select count(*)::int as n from fixed`),
		);
		const [reviews] = rowsOf<{ n: number }>(
			await tx.execute(sql`
				with counted as (
					select rv.media_id, rv.id, count(v.user_id)::int as n
					from interaction.reviews rv
					left join interaction.review_votes v on v.media_id = rv.media_id and v.review_id = rv.id
					group by rv.media_id, rv.id, rv.helpful_count
					having rv.helpful_count <> count(v.user_id)
				),
				fixed as (
					update interaction.reviews rv set helpful_count = c.n
					from counted c where rv.media_id = c.media_id and rv.id = c.id
					returning 1
				)
				select count(*)::int as n from fixed`),
		);
		return { works: Number(works.n), reviews: Number(reviews.n) };
	});
}

/**
 * Recomputes what is kept per entry and per person from the works as they are now, set-based in one
 * transaction: entries whose `meta_snapshot` differs from their work's (migrations/0008) get the current
 * one, and `interaction.user_media_totals` (0006) rows that differ from a fresh aggregate are set to it
 * (a bulk load with triggers off, or a deleted work, leaves them stale). Returns how many rows were fixed.
 */
export async function rebuildEntryTotals(db: Database = getDb()): Promise<{ snapshots: number; totals: number }> {
	return db.transaction(async (tx) => {
		const [snapshots] = rowsOf<{ n: number }>(
			await tx.execute(sql`
				with fixed as (
					update interaction.user_media um
					set meta_snapshot = media.snapshot(m.title, m.media_type, m.release_date, m.attributes)
					from media.media m
					where m.id = um.media_id
					  and um.meta_snapshot is distinct from media.snapshot(m.title, m.media_type, m.release_date, m.attributes)
					returning 1
				)
				select count(*)::int as n from fixed`),
		);
		const [totals] = rowsOf<{ n: number }>(
			await tx.execute(sql`
				with fresh as (
					select e.user_id, e.status, e.media_type, e.media_class, count(*)::int as entries,
					       coalesce(sum(e.left_min), 0)::bigint as minutes_left,
					       coalesce(sum(e.estimated - e.left_min), 0)::bigint as minutes_spent
					from (
						select um.user_id, um.status, m.media_type, m.media_class,
						       media.minutes_left(m.media_type, m.attributes, um.status, um.progress) as left_min,
						       media.estimated_minutes(m.media_type, m.attributes) as estimated
						from interaction.user_media um join media.media m on m.id = um.media_id
					) e
					group by e.user_id, e.status, e.media_type, e.media_class
				),
				drifted as (
					select coalesce(f.user_id, t.user_id) as user_id, coalesce(f.status, t.status) as status,
					       coalesce(f.media_type, t.media_type) as media_type, coalesce(f.media_class, t.media_class) as media_class,
					       coalesce(f.entries, 0) as entries, coalesce(f.minutes_left, 0) as minutes_left,
					       coalesce(f.minutes_spent, 0) as minutes_spent
					from fresh f
					full join interaction.user_media_totals t
					  on t.user_id = f.user_id and t.status = f.status and t.media_type = f.media_type and t.media_class = f.media_class
					where coalesce(f.entries, 0) <> coalesce(t.entries, 0)
					   or coalesce(f.minutes_left, 0) <> coalesce(t.minutes_left, 0)
					   or coalesce(f.minutes_spent, 0) <> coalesce(t.minutes_spent, 0)
				),
				fixed as (
					insert into interaction.user_media_totals as t
						(user_id, status, media_type, media_class, entries, minutes_left, minutes_spent)
					select user_id, status, media_type, media_class, entries, minutes_left, minutes_spent from drifted
					on conflict (user_id, status, media_type, media_class) do update set
						entries = excluded.entries, minutes_left = excluded.minutes_left, minutes_spent = excluded.minutes_spent
					returning 1
				)
				select count(*)::int as n from fixed`),
		);
		return { snapshots: Number(snapshots.n), totals: Number(totals.n) };
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const started = performance.now();
		const drift = await rebuildMediaStats();
		const fixed = drift.works + drift.reviews > 0 ? " (fixed)" : "";
		console.log(
			`media_stats rebuilt in ${Math.round(performance.now() - started)} ms: drift in ${drift.works} work(s) and in the helpful counts of ${drift.reviews} review(s)${fixed}`,
		);
		const entriesStarted = performance.now();
		const entries = await rebuildEntryTotals();
		const entriesFixed = entries.snapshots + entries.totals > 0 ? " (fixed)" : "";
		console.log(
			`entry snapshots and per-person totals rebuilt in ${Math.round(performance.now() - entriesStarted)} ms: ${entries.snapshots} stale snapshot(s), ${entries.totals} drifted total row(s)${entriesFixed}`,
		);
	} finally {
		await closeDb();
	}
}
