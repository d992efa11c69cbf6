-- My list: progress totals and time left computed in SQL (never stored), and one index per offered sort
-- of the person's entries, each led by user_id and ending in media_id so keyset paging is an index range.
CREATE FUNCTION media.progress_total(media_type text, attributes jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  -- The unit progress is counted in (app/lib/progress.ts): minutes, episodes, chapters, pages, hours, tracks.
  SELECT CASE WHEN v > 0 THEN round(v)::integer END
  FROM (SELECT CASE media_type
    WHEN 'movie' THEN attributes ->> 'runtime_min'
    WHEN 'series' THEN attributes ->> 'episodes'
    WHEN 'anime' THEN attributes ->> 'episodes'
    WHEN 'podcast' THEN attributes ->> 'episodes'
    WHEN 'manga' THEN attributes ->> 'chapters'
    WHEN 'webnovel' THEN attributes ->> 'chapters'
    WHEN 'book' THEN attributes ->> 'pages'
    WHEN 'graphic_novel' THEN attributes ->> 'pages'
    WHEN 'game' THEN attributes ->> 'hours_to_beat'
    WHEN 'visual_novel' THEN attributes ->> 'hours_to_beat'
    WHEN 'album' THEN attributes ->> 'tracks'
  END::numeric AS v) AS total
$$;
--> statement-breakpoint
CREATE FUNCTION media.minutes_left(media_type text, attributes jsonb, status text, progress integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  -- Estimated minutes still to go: none once completed, else the share of the work not yet done.
  SELECT CASE
    WHEN status = 'completed' THEN 0
    WHEN media.progress_total(media_type, attributes) IS NULL THEN media.estimated_minutes(media_type, attributes)
    ELSE round(media.estimated_minutes(media_type, attributes)
      * (1 - least(progress::numeric / media.progress_total(media_type, attributes), 1)))::integer
  END
$$;
--> statement-breakpoint
CREATE FUNCTION interaction.status_rank(status text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  -- The order a person reads their list in: what they are on, what is next, then the rest.
  SELECT array_position(ARRAY['in_progress', 'planning', 'paused', 'completed', 'dropped']::text[], status)
$$;
--> statement-breakpoint
DROP INDEX interaction.user_media_updated_idx;
--> statement-breakpoint
DROP INDEX interaction.user_media_rating_idx;
--> statement-breakpoint
CREATE INDEX user_media_updated_idx ON interaction.user_media (user_id, updated_at, media_id);
--> statement-breakpoint
CREATE INDEX user_media_rating_idx ON interaction.user_media (user_id, (coalesce(rating, -1)), media_id);
--> statement-breakpoint
CREATE INDEX user_media_status_rank_idx ON interaction.user_media (user_id, (interaction.status_rank(status)), (meta_snapshot ->> 'title'), media_id);
--> statement-breakpoint
CREATE INDEX user_media_type_idx ON interaction.user_media (user_id, (meta_snapshot ->> 'mediaType'), (meta_snapshot ->> 'title'), media_id);
--> statement-breakpoint
CREATE INDEX user_media_progress_idx ON interaction.user_media (user_id, progress, media_id);
--> statement-breakpoint
CREATE INDEX user_media_started_idx ON interaction.user_media (user_id, (coalesce(started_at, '0001-01-01'::date)), media_id);
--> statement-breakpoint
CREATE INDEX user_media_completed_idx ON interaction.user_media (user_id, (coalesce(completed_at, '0001-01-01'::date)), media_id);
--> statement-breakpoint
CREATE INDEX list_items_media_idx ON interaction.list_items (user_id, media_id);
