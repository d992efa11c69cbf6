CREATE TABLE media.search_words (
  word text PRIMARY KEY,
  uses integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
CREATE INDEX search_words_trgm_idx ON media.search_words USING gist (word gist_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION media.words_of(title text, creators text[]) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT w
  FROM regexp_split_to_table(lower(coalesce(title, '') || ' ' || coalesce(array_to_string(creators, ' '), '')), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40
$$;
--> statement-breakpoint
CREATE FUNCTION media.media_search_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The catalog's vocabulary, for correcting misspelled search words (pg_trgm's documented approach).
  INSERT INTO media.search_words AS s (word)
  SELECT w FROM media.words_of(NEW.title, NEW.creators) AS w
  ON CONFLICT (word) DO UPDATE SET uses = s.uses + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER media_search_words_trg AFTER INSERT OR UPDATE OF title, creators ON media.media
  FOR EACH ROW EXECUTE FUNCTION media.media_search_words();
--> statement-breakpoint
INSERT INTO media.search_words (word, uses)
SELECT w, count(*) FROM media.media m CROSS JOIN LATERAL media.words_of(m.title, m.creators) AS w GROUP BY w
ON CONFLICT (word) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION media.estimated_minutes(media_type text, attributes jsonb) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  -- Comparable time to finish across media. Reading paces: a book page 1.2 min (about 300 words at
  -- 250 words a minute), a graphic-novel page 0.5 min, a manga chapter 5 min, a web-novel chapter 10 min.
  SELECT CASE media_type
    WHEN 'movie' THEN (attributes ->> 'runtime_min')::numeric
    WHEN 'series' THEN (attributes ->> 'episodes')::numeric * (attributes ->> 'episode_min')::numeric
    WHEN 'anime' THEN (attributes ->> 'episodes')::numeric * (attributes ->> 'episode_min')::numeric
    WHEN 'podcast' THEN (attributes ->> 'episodes')::numeric * (attributes ->> 'episode_min')::numeric
    WHEN 'book' THEN (attributes ->> 'pages')::numeric * 1.2
    WHEN 'graphic_novel' THEN (attributes ->> 'pages')::numeric * 0.5
    WHEN 'manga' THEN coalesce((attributes ->> 'chapters')::numeric * 5, (attributes ->> 'volumes')::numeric * 45)
    WHEN 'webnovel' THEN (attributes ->> 'chapters')::numeric * 10
    WHEN 'game' THEN (attributes ->> 'hours_to_beat')::numeric * 60
    WHEN 'visual_novel' THEN (attributes ->> 'hours_to_beat')::numeric * 60
    WHEN 'album' THEN (attributes ->> 'length_min')::numeric
  END::integer
$$;
--> statement-breakpoint
CREATE INDEX media_estimated_minutes_idx ON media.media (media.estimated_minutes(media_type, attributes), id);
--> statement-breakpoint
CREATE INDEX media_type_title_idx ON media.media (media_type, title, id);
