DROP INDEX media.search_words_trgm_idx;
--> statement-breakpoint
CREATE INDEX search_words_trgm_gin_idx ON media.search_words USING gin (word gin_trgm_ops);
