CREATE EXTENSION IF NOT EXISTS ltree;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS media;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS users;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS interaction;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS auth;
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS ingest;
--> statement-breakpoint
CREATE TABLE media.media_classes (
  path ltree PRIMARY KEY,
  label text NOT NULL,
  media_type text,
  CONSTRAINT media_classes_type_check CHECK (media_type IN ('movie', 'series', 'anime', 'manga', 'book', 'webnovel', 'graphic_novel', 'game', 'visual_novel', 'podcast', 'album'))
);
--> statement-breakpoint
CREATE INDEX media_classes_path_gist ON media.media_classes USING gist (path);
--> statement-breakpoint
CREATE TABLE media.collections (
  path ltree PRIMARY KEY,
  label text NOT NULL
);
--> statement-breakpoint
CREATE INDEX collections_path_gist ON media.collections USING gist (path);
--> statement-breakpoint
CREATE TABLE media.media (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  media_type text NOT NULL,
  media_class ltree NOT NULL REFERENCES media.media_classes (path) ON UPDATE CASCADE,
  title text NOT NULL,
  release_date date,
  country_of_origin text,
  creators text[] NOT NULL DEFAULT '{}',
  attributes jsonb NOT NULL DEFAULT '{}',
  collection_path ltree,
  search_vector tsvector NOT NULL DEFAULT ''::tsvector,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT media_type_check CHECK (media_type IN ('movie', 'series', 'anime', 'manga', 'book', 'webnovel', 'graphic_novel', 'game', 'visual_novel', 'podcast', 'album')),
  CONSTRAINT media_title_check CHECK (length(title) BETWEEN 1 AND 500),
  CONSTRAINT media_country_check CHECK (country_of_origin ~ '^[A-Z]{2}$'),
  CONSTRAINT media_attributes_check CHECK (jsonb_typeof(attributes) = 'object')
);
--> statement-breakpoint
CREATE FUNCTION media.media_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Weighted: title (A), creators (B), every other string attribute (C): original title, genres, studio, platforms...
  NEW.search_vector :=
    setweight(to_tsvector('english'::regconfig, coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(NEW.creators, ' '), '')), 'B') ||
    setweight(jsonb_to_tsvector('english'::regconfig, coalesce(NEW.attributes, '{}'::jsonb), '["string"]'), 'C');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER media_search_vector_trg BEFORE INSERT OR UPDATE OF title, creators, attributes ON media.media
  FOR EACH ROW EXECUTE FUNCTION media.media_search_vector();
--> statement-breakpoint
CREATE INDEX media_search_idx ON media.media USING gin (search_vector);
--> statement-breakpoint
CREATE INDEX media_title_trgm_idx ON media.media USING gin (title gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX media_class_gist ON media.media USING gist (media_class);
--> statement-breakpoint
CREATE INDEX media_collection_gist ON media.media USING gist (collection_path);
--> statement-breakpoint
CREATE INDEX media_creators_idx ON media.media USING gin (creators);
--> statement-breakpoint
CREATE INDEX media_title_id_idx ON media.media (title, id);
--> statement-breakpoint
CREATE INDEX media_type_release_idx ON media.media (media_type, release_date DESC);
--> statement-breakpoint
CREATE INDEX media_release_idx ON media.media (release_date DESC, id);
--> statement-breakpoint
CREATE INDEX media_country_idx ON media.media (country_of_origin);
--> statement-breakpoint
CREATE INDEX media_hours_to_beat_idx ON media.media (((attributes ->> 'hours_to_beat')::numeric)) WHERE attributes ? 'hours_to_beat';
--> statement-breakpoint
CREATE INDEX media_runtime_idx ON media.media (((attributes ->> 'runtime_min')::integer)) WHERE attributes ? 'runtime_min';
--> statement-breakpoint
CREATE TABLE media.external_links (
  media_id uuid NOT NULL REFERENCES media.media (id) ON DELETE CASCADE,
  source_name text NOT NULL,
  external_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_name, external_key)
);
--> statement-breakpoint
CREATE INDEX external_links_media_idx ON media.external_links (media_id);
--> statement-breakpoint
CREATE TABLE media.media_stats (
  media_id uuid PRIMARY KEY REFERENCES media.media (id) ON DELETE CASCADE,
  tracking_count integer NOT NULL DEFAULT 0,
  ratings_count integer NOT NULL DEFAULT 0,
  ratings_sum bigint NOT NULL DEFAULT 0,
  reviews_count integer NOT NULL DEFAULT 0,
  rating_avg numeric(5, 2) GENERATED ALWAYS AS (CASE WHEN ratings_count > 0 THEN round(ratings_sum::numeric / ratings_count, 2) END) STORED,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT media_stats_counts_check CHECK (tracking_count >= 0 AND ratings_count >= 0 AND ratings_sum >= 0 AND reviews_count >= 0)
);
--> statement-breakpoint
CREATE INDEX media_stats_rating_idx ON media.media_stats (rating_avg DESC NULLS LAST, media_id);
--> statement-breakpoint
CREATE INDEX media_stats_tracking_idx ON media.media_stats (tracking_count DESC, media_id);
--> statement-breakpoint
CREATE TABLE users.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL,
  display_name text NOT NULL,
  email text NOT NULL,
  email_verified_at timestamptz,
  password_hash text,
  country text,
  birth_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_username_check CHECK (username ~ '^[A-Za-z0-9_]{3,32}$'),
  CONSTRAINT users_display_name_check CHECK (length(display_name) BETWEEN 1 AND 64),
  CONSTRAINT users_email_check CHECK (length(email) BETWEEN 3 AND 254 AND position('@' in email) > 1),
  CONSTRAINT users_country_check CHECK (country ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX users_username_key ON users.users (lower(username));
--> statement-breakpoint
CREATE UNIQUE INDEX users_email_key ON users.users (lower(email));
--> statement-breakpoint
CREATE TABLE users.preferences (
  user_id uuid PRIMARY KEY REFERENCES users.users (id) ON DELETE CASCADE,
  theme text NOT NULL DEFAULT 'system',
  rating_scale smallint NOT NULL DEFAULT 10,
  media_types text[] NOT NULL DEFAULT '{}',
  default_columns text[],
  default_sort text,
  page_size smallint NOT NULL DEFAULT 50,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT preferences_theme_check CHECK (theme IN ('light', 'dark', 'system')),
  CONSTRAINT preferences_rating_scale_check CHECK (rating_scale IN (5, 10, 100)),
  CONSTRAINT preferences_page_size_check CHECK (page_size BETWEEN 10 AND 200)
);
--> statement-breakpoint
CREATE TABLE users.settings (
  user_id uuid PRIMARY KEY REFERENCES users.users (id) ON DELETE CASCADE,
  locale text NOT NULL DEFAULT 'en',
  timezone text NOT NULL DEFAULT 'UTC',
  profile_visibility text NOT NULL DEFAULT 'private',
  email_notifications boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT settings_visibility_check CHECK (profile_visibility IN ('private', 'public'))
);
--> statement-breakpoint
CREATE TABLE interaction.user_media (
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  media_id uuid NOT NULL REFERENCES media.media (id) ON DELETE CASCADE,
  status text NOT NULL,
  progress integer NOT NULL DEFAULT 0,
  rating smallint,
  repeat_count smallint NOT NULL DEFAULT 0,
  started_at date,
  completed_at date,
  meta_snapshot jsonb NOT NULL DEFAULT '{}',
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, media_id),
  CONSTRAINT user_media_status_check CHECK (status IN ('planning', 'in_progress', 'completed', 'paused', 'dropped')),
  CONSTRAINT user_media_progress_check CHECK (progress >= 0),
  CONSTRAINT user_media_rating_check CHECK (rating BETWEEN 0 AND 100),
  CONSTRAINT user_media_repeat_check CHECK (repeat_count >= 0),
  CONSTRAINT user_media_notes_check CHECK (length(notes) <= 10000),
  CONSTRAINT user_media_dates_check CHECK (completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at)
) PARTITION BY HASH (user_id);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p00 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 0);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p01 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 1);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p02 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 2);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p03 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 3);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p04 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 4);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p05 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 5);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p06 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 6);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p07 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 7);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p08 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 8);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p09 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 9);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p10 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 10);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p11 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 11);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p12 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 12);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p13 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 13);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p14 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 14);
--> statement-breakpoint
CREATE TABLE interaction.user_media_p15 PARTITION OF interaction.user_media FOR VALUES WITH (MODULUS 16, REMAINDER 15);
--> statement-breakpoint
CREATE INDEX user_media_status_idx ON interaction.user_media (user_id, status, updated_at DESC);
--> statement-breakpoint
CREATE INDEX user_media_rating_idx ON interaction.user_media (user_id, rating) WHERE rating IS NOT NULL;
--> statement-breakpoint
CREATE INDEX user_media_updated_idx ON interaction.user_media (user_id, updated_at DESC);
--> statement-breakpoint
CREATE INDEX user_media_unfinished_idx ON interaction.user_media (user_id, updated_at DESC) WHERE status IN ('planning', 'in_progress', 'paused');
--> statement-breakpoint
CREATE INDEX user_media_title_idx ON interaction.user_media (user_id, (meta_snapshot ->> 'title'), media_id);
--> statement-breakpoint
CREATE TABLE interaction.user_lists (
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL DEFAULT 'static',
  name text NOT NULL,
  description text,
  visibility text NOT NULL DEFAULT 'private',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, id),
  CONSTRAINT user_lists_kind_check CHECK (kind IN ('static', 'smart')),
  CONSTRAINT user_lists_name_check CHECK (length(name) BETWEEN 1 AND 100),
  CONSTRAINT user_lists_description_check CHECK (length(description) <= 2000),
  CONSTRAINT user_lists_visibility_check CHECK (visibility IN ('private', 'public'))
);
--> statement-breakpoint
CREATE INDEX user_lists_updated_idx ON interaction.user_lists (user_id, updated_at DESC);
--> statement-breakpoint
CREATE TABLE interaction.list_items (
  user_id uuid NOT NULL,
  list_id uuid NOT NULL,
  media_id uuid NOT NULL REFERENCES media.media (id) ON DELETE CASCADE,
  position integer NOT NULL,
  note text,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, list_id, media_id),
  FOREIGN KEY (user_id, list_id) REFERENCES interaction.user_lists (user_id, id) ON DELETE CASCADE,
  CONSTRAINT list_items_note_check CHECK (length(note) <= 1000)
);
--> statement-breakpoint
CREATE INDEX list_items_position_idx ON interaction.list_items (user_id, list_id, position);
--> statement-breakpoint
CREATE TABLE interaction.smart_lists (
  user_id uuid NOT NULL,
  list_id uuid NOT NULL,
  filter_definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, list_id),
  FOREIGN KEY (user_id, list_id) REFERENCES interaction.user_lists (user_id, id) ON DELETE CASCADE,
  CONSTRAINT smart_lists_definition_check CHECK (jsonb_typeof(filter_definition) = 'object')
);
--> statement-breakpoint
CREATE TABLE auth.sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL,
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  user_agent text,
  ip inet
);
--> statement-breakpoint
CREATE UNIQUE INDEX sessions_token_hash_key ON auth.sessions (token_hash);
--> statement-breakpoint
CREATE INDEX sessions_user_idx ON auth.sessions (user_id, last_seen_at DESC);
--> statement-breakpoint
CREATE INDEX sessions_expires_idx ON auth.sessions (expires_at);
--> statement-breakpoint
CREATE TABLE auth.tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  used_at timestamptz,
  CONSTRAINT tokens_kind_check CHECK (kind IN ('email_verification', 'password_reset', 'recovery_code'))
);
--> statement-breakpoint
CREATE INDEX tokens_user_kind_idx ON auth.tokens (user_id, kind) WHERE used_at IS NULL;
--> statement-breakpoint
CREATE TABLE auth.login_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid REFERENCES users.users (id) ON DELETE SET NULL,
  identifier text,
  event text NOT NULL,
  method text NOT NULL,
  ip inet,
  user_agent text,
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX login_events_user_idx ON auth.login_events (user_id, created_at DESC);
--> statement-breakpoint
CREATE INDEX login_events_created_idx ON auth.login_events (created_at);
--> statement-breakpoint
CREATE TABLE auth.identities (
  provider text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  email text,
  email_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  PRIMARY KEY (provider, subject)
);
--> statement-breakpoint
CREATE INDEX identities_user_idx ON auth.identities (user_id);
--> statement-breakpoint
CREATE TABLE ingest.sources (
  name text PRIMARY KEY,
  label text NOT NULL,
  kind text NOT NULL,
  base_url text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sources_name_check CHECK (name ~ '^[a-z0-9_]{1,32}$'),
  CONSTRAINT sources_kind_check CHECK (kind IN ('bundled', 'api', 'dump'))
);
--> statement-breakpoint
CREATE TABLE ingest.import_jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_name text NOT NULL REFERENCES ingest.sources (name),
  status text NOT NULL DEFAULT 'queued',
  stats jsonb NOT NULL DEFAULT '{}',
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  CONSTRAINT import_jobs_status_check CHECK (status IN ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE INDEX import_jobs_source_idx ON ingest.import_jobs (source_name, created_at DESC);
--> statement-breakpoint
CREATE TABLE ingest.import_logs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES ingest.import_jobs (id) ON DELETE CASCADE,
  level text NOT NULL,
  message text NOT NULL,
  external_key text,
  media_id uuid REFERENCES media.media (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT import_logs_level_check CHECK (level IN ('debug', 'info', 'warn', 'error'))
);
--> statement-breakpoint
CREATE INDEX import_logs_job_idx ON ingest.import_logs (job_id, id);
--> statement-breakpoint
CREATE TABLE ingest.conflicts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES ingest.import_jobs (id) ON DELETE CASCADE,
  media_id uuid REFERENCES media.media (id) ON DELETE CASCADE,
  source_name text NOT NULL,
  external_key text NOT NULL,
  field text NOT NULL,
  current_value jsonb,
  incoming_value jsonb,
  resolution text NOT NULL DEFAULT 'pending',
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  CONSTRAINT conflicts_resolution_check CHECK (resolution IN ('pending', 'kept', 'replaced', 'merged'))
);
--> statement-breakpoint
CREATE INDEX conflicts_pending_idx ON ingest.conflicts (created_at) WHERE resolution = 'pending';
