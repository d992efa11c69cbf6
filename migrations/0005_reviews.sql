-- Reviews and helpful votes, hash-partitioned by media_id: a work's reviews (the hot read) sit in one
-- partition and page from one index; a person's reviews are read through (user_id, …) on every partition.
-- Keys still include user_id (docs/decisions/007).
CREATE TABLE interaction.reviews (
  media_id uuid NOT NULL REFERENCES media.media (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  body text NOT NULL,
  rating smallint,
  spoiler boolean NOT NULL DEFAULT false,
  helpful_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (media_id, user_id),
  CONSTRAINT reviews_id_key UNIQUE (media_id, id),
  CONSTRAINT reviews_body_check CHECK (length(body) BETWEEN 1 AND 10000),
  CONSTRAINT reviews_rating_check CHECK (rating BETWEEN 0 AND 100),
  CONSTRAINT reviews_helpful_check CHECK (helpful_count >= 0)
) PARTITION BY HASH (media_id);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p00 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 0);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p01 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 1);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p02 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 2);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p03 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 3);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p04 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 4);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p05 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 5);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p06 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 6);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p07 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 7);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p08 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 8);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p09 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 9);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p10 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 10);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p11 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 11);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p12 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 12);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p13 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 13);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p14 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 14);
--> statement-breakpoint
CREATE TABLE interaction.reviews_p15 PARTITION OF interaction.reviews FOR VALUES WITH (MODULUS 16, REMAINDER 15);
--> statement-breakpoint
CREATE INDEX reviews_newest_idx ON interaction.reviews (media_id, created_at, id);
--> statement-breakpoint
CREATE INDEX reviews_helpful_idx ON interaction.reviews (media_id, helpful_count, created_at, id);
--> statement-breakpoint
CREATE INDEX reviews_user_idx ON interaction.reviews (user_id, updated_at);
--> statement-breakpoint
CREATE TABLE interaction.review_votes (
  media_id uuid NOT NULL,
  review_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users.users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (media_id, review_id, user_id),
  FOREIGN KEY (media_id, review_id) REFERENCES interaction.reviews (media_id, id) ON DELETE CASCADE
) PARTITION BY HASH (media_id);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p00 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 0);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p01 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 1);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p02 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 2);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p03 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 3);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p04 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 4);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p05 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 5);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p06 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 6);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p07 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 7);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p08 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 8);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p09 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 9);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p10 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 10);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p11 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 11);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p12 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 12);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p13 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 13);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p14 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 14);
--> statement-breakpoint
CREATE TABLE interaction.review_votes_p15 PARTITION OF interaction.review_votes FOR VALUES WITH (MODULUS 16, REMAINDER 15);
--> statement-breakpoint
CREATE INDEX review_votes_voter_idx ON interaction.review_votes (media_id, user_id);
