-- An entry's meta_snapshot carries the few facts of its work that my list sorts by — title, kind, release
-- date, and the work's estimated minutes and progress total — so every offered sort, time left and year
-- included, is an index range on the person's partition (docs/decisions/011). Time left stays computed:
-- from the entry's status and progress and the snapshot's minutes and total, never stored.
CREATE FUNCTION media.snapshot(title text, media_type text, release_date date, attributes jsonb) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'title', title,
    'mediaType', media_type,
    'released', to_char(release_date, 'YYYY-MM-DD'),
    'minutes', media.estimated_minutes(media_type, attributes),
    'total', media.progress_total(media_type, attributes)))
$$;
--> statement-breakpoint
CREATE FUNCTION interaction.entry_minutes_left(status text, progress integer, snapshot jsonb) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  -- media.minutes_left over the snapshot's minutes and total.
  SELECT CASE
    WHEN status = 'completed' THEN 0
    WHEN (snapshot ->> 'total') IS NULL THEN (snapshot ->> 'minutes')::integer
    ELSE round((snapshot ->> 'minutes')::numeric
      * (1 - least(progress::numeric / (snapshot ->> 'total')::numeric, 1)))::integer
  END
$$;
--> statement-breakpoint
UPDATE interaction.user_media um
SET meta_snapshot = media.snapshot(m.title, m.media_type, m.release_date, m.attributes)
FROM media.media m
WHERE m.id = um.media_id;
--> statement-breakpoint
CREATE INDEX user_media_time_idx ON interaction.user_media (user_id, (coalesce(interaction.entry_minutes_left(status, progress, meta_snapshot), 2147483647)), media_id);
--> statement-breakpoint
CREATE INDEX user_media_released_idx ON interaction.user_media (user_id, (coalesce(meta_snapshot ->> 'released', '0001-01-01')), media_id);
--> statement-breakpoint
-- A work's entries, for the refresh below and for deleting a work (the foreign key's cascade).
CREATE INDEX user_media_media_idx ON interaction.user_media (media_id);
--> statement-breakpoint
CREATE FUNCTION media.media_entries_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A work's kind, class or attributes changed: move its entries' shares of the per-person totals from
  -- the old values to the new (0006 counts minutes from the work's attributes at the time of each write).
  IF NEW.media_type IS DISTINCT FROM OLD.media_type OR NEW.media_class IS DISTINCT FROM OLD.media_class
     OR NEW.attributes IS DISTINCT FROM OLD.attributes THEN
    INSERT INTO interaction.user_media_totals AS t (user_id, status, media_type, media_class, entries, minutes_left, minutes_spent)
    SELECT e.user_id, e.status, e.media_type, e.media_class, sum(e.sign),
           sum(e.sign * coalesce(e.left_min, 0)), sum(e.sign * coalesce(e.estimated - e.left_min, 0))
    FROM (
      SELECT um.user_id, um.status, v.sign, v.media_type, v.media_class,
             media.minutes_left(v.media_type, v.attributes, um.status, um.progress) AS left_min,
             media.estimated_minutes(v.media_type, v.attributes) AS estimated
      FROM interaction.user_media um
      CROSS JOIN (VALUES (-1, OLD.media_type, OLD.media_class, OLD.attributes),
                         (1, NEW.media_type, NEW.media_class, NEW.attributes)) AS v(sign, media_type, media_class, attributes)
      WHERE um.media_id = NEW.id
    ) AS e
    GROUP BY e.user_id, e.status, e.media_type, e.media_class
    ON CONFLICT (user_id, status, media_type, media_class) DO UPDATE
      SET entries = t.entries + excluded.entries,
          minutes_left = t.minutes_left + excluded.minutes_left,
          minutes_spent = t.minutes_spent + excluded.minutes_spent;
  END IF;
  -- Its snapshot's facts changed: refresh the snapshot of every entry of it.
  IF NEW.title IS DISTINCT FROM OLD.title OR NEW.media_type IS DISTINCT FROM OLD.media_type
     OR NEW.release_date IS DISTINCT FROM OLD.release_date OR NEW.attributes IS DISTINCT FROM OLD.attributes THEN
    UPDATE interaction.user_media
    SET meta_snapshot = media.snapshot(NEW.title, NEW.media_type, NEW.release_date, NEW.attributes)
    WHERE media_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER media_entries_trg AFTER UPDATE ON media.media
  FOR EACH ROW EXECUTE FUNCTION media.media_entries_trg();
