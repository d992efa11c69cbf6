CREATE TABLE auth.rate_limits (
  bucket text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  CONSTRAINT rate_limits_hits_check CHECK (hits >= 0)
);
--> statement-breakpoint
CREATE INDEX rate_limits_window_idx ON auth.rate_limits (window_start);
--> statement-breakpoint
CREATE TABLE auth.two_factor (
  user_id uuid PRIMARY KEY REFERENCES users.users (id) ON DELETE CASCADE,
  secret text NOT NULL,
  enabled_at timestamptz,
  last_used_step bigint,
  created_at timestamptz NOT NULL DEFAULT now()
);
