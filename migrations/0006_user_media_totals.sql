-- Per person, status and kind of work: how many entries and the minutes left and spent, kept by a trigger on
-- interaction.user_media in the same transaction as every entry write. /lists reads its summary, sidebar
-- counts and unfiltered totals from these few rows instead of aggregating all of a person's entries on every
-- view (docs/decisions/008). Hash-partitioned by user_id like the entries they count.
CREATE TABLE interaction.user_media_totals (
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  status text NOT NULL,
  media_type text NOT NULL,
  media_class ltree NOT NULL,
  entries integer NOT NULL DEFAULT 0,
  minutes_left bigint NOT NULL DEFAULT 0,
  minutes_spent bigint NOT NULL DEFAULT 0,
  -- No CHECK (entries >= 0): an upsert's proposed row (a decrement) is checked before its conflict is found.
  PRIMARY KEY (user_id, status, media_type, media_class)
) PARTITION BY HASH (user_id);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p00 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 0);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p01 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 1);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p02 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 2);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p03 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 3);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p04 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 4);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p05 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 5);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p06 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 6);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p07 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 7);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p08 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 8);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p09 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 9);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p10 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 10);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p11 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 11);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p12 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 12);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p13 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 13);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p14 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 14);
--> statement-breakpoint
CREATE TABLE interaction.user_media_totals_p15 PARTITION OF interaction.user_media_totals FOR VALUES WITH (MODULUS 16, REMAINDER 15);
--> statement-breakpoint
CREATE FUNCTION interaction.user_media_totals_apply(p_user uuid, p_media uuid, p_status text, p_progress integer, p_sign integer)
RETURNS void LANGUAGE sql AS $$
  -- Adds (sign 1) or takes away (sign -1) one entry's share; minutes as in summariseEntries (0004's functions).
  INSERT INTO interaction.user_media_totals AS t (user_id, status, media_type, media_class, entries, minutes_left, minutes_spent)
  SELECT p_user, p_status, m.media_type, m.media_class, p_sign,
         p_sign * coalesce(x.left_min, 0), p_sign * coalesce(x.estimated - x.left_min, 0)
  FROM media.media m
  CROSS JOIN LATERAL (SELECT media.minutes_left(m.media_type, m.attributes, p_status, p_progress) AS left_min,
                             media.estimated_minutes(m.media_type, m.attributes) AS estimated) AS x
  WHERE m.id = p_media
  ON CONFLICT (user_id, status, media_type, media_class) DO UPDATE
    SET entries = t.entries + excluded.entries,
        minutes_left = t.minutes_left + excluded.minutes_left,
        minutes_spent = t.minutes_spent + excluded.minutes_spent
$$;
--> statement-breakpoint
CREATE FUNCTION interaction.user_media_totals_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.progress = NEW.progress
     AND OLD.media_id = NEW.media_id AND OLD.user_id = NEW.user_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM interaction.user_media_totals_apply(OLD.user_id, OLD.media_id, OLD.status, OLD.progress, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM interaction.user_media_totals_apply(NEW.user_id, NEW.media_id, NEW.status, NEW.progress, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER user_media_totals_trg AFTER INSERT OR UPDATE OR DELETE ON interaction.user_media
  FOR EACH ROW EXECUTE FUNCTION interaction.user_media_totals_trg();
--> statement-breakpoint
INSERT INTO interaction.user_media_totals (user_id, status, media_type, media_class, entries, minutes_left, minutes_spent)
SELECT e.user_id, e.status, e.media_type, e.media_class, count(*), coalesce(sum(e.left_min), 0), coalesce(sum(e.estimated - e.left_min), 0)
FROM (
  SELECT um.user_id, um.status, m.media_type, m.media_class,
         media.minutes_left(m.media_type, m.attributes, um.status, um.progress) AS left_min,
         media.estimated_minutes(m.media_type, m.attributes) AS estimated
  FROM interaction.user_media um JOIN media.media m ON m.id = um.media_id
) AS e
GROUP BY e.user_id, e.status, e.media_type, e.media_class;
