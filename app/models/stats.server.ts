import { sql } from "drizzle-orm";
import type { RatingScale } from "~/lib/rating";
import {
	type BreakdownRow,
	type RatingStats,
	ratingDistribution,
	type StatusStats,
	summariseBreakdown,
	type Totals,
	type TypeStats,
} from "~/lib/stats";
import { getDb } from "../../db/client.server";
import type { EntryStatus, MediaType } from "../../db/schema";

export type MonthStats = { month: string; completed: number; minutes: number };

export type UserStats = {
	totals: Totals;
	byType: TypeStats[];
	byStatus: StatusStats[];
	months: MonthStats[];
	ratings: RatingStats;
};

/**
 * The three aggregate queries behind the stats page. Each names `um.user_id` so Postgres reads one
 * partition of user_media; exported so a test can check their plans.
 */
export function statsQueries(userId: string) {
	return {
		// Per (type, status): entries, whole-work minutes and minutes spent, which is what the list calls
		// time spent: the whole work once completed, else the share done (media.minutes_left, migration 0004).
		breakdown: sql`
			with entries as (
				select m.media_type, um.status,
				       media.estimated_minutes(m.media_type, m.attributes) as minutes,
				       media.minutes_left(m.media_type, m.attributes, um.status, um.progress) as minutes_left
				from interaction.user_media um
				join media.media m on m.id = um.media_id
				where um.user_id = ${userId}::uuid
			)
			select media_type, status, count(*)::int as entries,
			       (count(*) - count(minutes))::int as untimed,
			       coalesce(sum(minutes), 0)::bigint as minutes,
			       coalesce(sum(minutes - minutes_left), 0)::bigint as minutes_spent
			from entries
			group by media_type, status`,
		// Completions in each of the last 12 calendar months (the database's today), empty months included.
		months: sql`
			with done as (
				select to_char(um.completed_at, 'YYYY-MM') as month,
				       media.estimated_minutes(m.media_type, m.attributes) as minutes
				from interaction.user_media um
				join media.media m on m.id = um.media_id
				where um.user_id = ${userId}::uuid and um.status = 'completed'
				  and um.completed_at >= date_trunc('month', current_date - interval '11 months')::date
			)
			select months.month, count(done.month)::int as completed, coalesce(sum(done.minutes), 0)::bigint as minutes
			from (select to_char(current_date - make_interval(months => n), 'YYYY-MM') as month
			      from generate_series(0, 11) as n) months
			left join done on done.month = months.month
			group by months.month
			order by months.month`,
		ratings: sql`
			select um.rating, count(*)::int as entries
			from interaction.user_media um
			where um.user_id = ${userId}::uuid and um.rating is not null
			group by um.rating`,
	};
}

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	const result = await getDb().execute(query);
	return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** The person's entries, time, completions per month and ratings (on their scale), for /lists/stats. */
export async function getUserStats({
	userId,
	ratingScale,
}: {
	userId: string;
	ratingScale: RatingScale;
}): Promise<UserStats> {
	const queries = statsQueries(userId);
	// bigint sums arrive as strings (postgres.js) or bigints (PGlite); Number() reads both.
	const [breakdown, months, ratings] = await Promise.all([
		rowsOf<{
			media_type: MediaType;
			status: EntryStatus;
			entries: number;
			untimed: number;
			minutes: string | number | bigint;
			minutes_spent: string | number | bigint;
		}>(queries.breakdown),
		rowsOf<{ month: string; completed: number; minutes: string | number | bigint }>(queries.months),
		rowsOf<{ rating: number; entries: number }>(queries.ratings),
	]);
	const rows: BreakdownRow[] = breakdown.map((row) => ({
		mediaType: row.media_type,
		status: row.status,
		entries: Number(row.entries),
		untimed: Number(row.untimed),
		minutes: Number(row.minutes),
		minutesSpent: Number(row.minutes_spent),
	}));
	return {
		...summariseBreakdown(rows),
		months: months.map((row) => ({
			month: row.month,
			completed: Number(row.completed),
			minutes: Number(row.minutes),
		})),
		ratings: ratingDistribution(
			ratings.map((row) => ({ rating: Number(row.rating), entries: Number(row.entries) })),
			ratingScale,
		),
	};
}
