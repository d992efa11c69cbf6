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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const started = performance.now();
		const drift = await rebuildMediaStats();
		const fixed = drift.works + drift.reviews > 0 ? " (fixed)" : "";
		console.log(
			`media_stats rebuilt in ${Math.round(performance.now() - started)} ms: drift in ${drift.works} work(s) and in the helpful counts of ${drift.reviews} review(s)${fixed}`,
		);
	} finally {
		await closeDb();
	}
}
