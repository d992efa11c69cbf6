import { sql } from "drizzle-orm";
import { media } from "../../db/schema";

/**
 * An entry's `meta_snapshot`: the facts of its work that my list sorts by (title, kind, release date,
 * estimated minutes, progress total), built in SQL by `media.snapshot` (migrations/0008) and kept
 * current by a trigger when the work changes. Select it from media.media to insert an entry.
 */
export const workSnapshot = sql<
	Record<string, unknown>
>`media.snapshot(${media.title}, ${media.mediaType}, ${media.releaseDate}, ${media.attributes})`;
