import { sql } from "drizzle-orm";
import { editDistance } from "~/lib/edit-distance";
import { getDb } from "../../db/client.server";
import { rowsOf } from "../../db/rows";

export type SearchPlan = {
	/** to_tsquery text built only from word characters (safe to pass as a parameter), or null for websearch syntax. */
	tsquery: string | null;
	/** The words as searched after correction, when any word was corrected. */
	correctedText: string | null;
	original: string;
};

const MAX_WORDS = 8;
const CANDIDATES = 6;

/**
 * Turns what a person typed into a full-text query, correcting misspelled words against the
 * catalog's own vocabulary (media.search_words: words within the trigram similarity threshold, 0.2,
 * found through a GIN trigram index; shown fewest typing edits first).
 * A word the catalog does not know becomes an OR of its closest known words; the last word also
 * matches as a prefix, so results follow typing. Quoted phrases and -exclusions keep websearch syntax.
 */
export async function planSearch(text: string): Promise<SearchPlan> {
	if (/["]|(^|\s)-\S|\sor\s/i.test(text)) return { tsquery: null, correctedText: null, original: text };
	const words = text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.slice(0, MAX_WORDS);
	if (words.length === 0) return { tsquery: null, correctedText: null, original: text };
	const lookups = words.filter((word) => word.length >= 3);
	const rows =
		lookups.length === 0
			? []
			: rowsOf<{ w: string; word: string; s: number; known: boolean }>(
					await getDb().execute(sql`
						select q.w, c.word, c.s, exists (select 1 from media.search_words k where k.word = q.w) as known
						from unnest(array[${sql.join(
							lookups.map((word) => sql`${word}`),
							sql`, `,
						)}]::text[]) as q(w)
						cross join lateral (
							select word, similarity(word, q.w) as s from media.search_words
							where word % q.w
							order by s desc, word limit ${CANDIDATES}
						) c`),
				);
	let corrected = false;
	const parts = words.map((word, index) => {
		const last = index === words.length - 1;
		const candidates = rows.filter((row) => row.w === word);
		if (word.length < 3 || candidates.length === 0 || candidates[0].known) {
			return { term: last ? `'${word}':*` : `'${word}'`, shown: word };
		}
		const best = Math.max(...candidates.map((c) => Number(c.s)));
		// Within the trigram shortlist, the fewest typing edits first ("dargon" → "dragon", not "dark"), and
		// only the words as close as the closest (one more edit when even that is three or more), so the
		// query does not widen to unrelated words.
		const shortlist = candidates
			.filter((c) => Number(c.s) >= Math.max(0.15, best - 0.15))
			.map((c) => ({ word: c.word, edits: editDistance(word, c.word), s: Number(c.s) }))
			.sort((x, y) => x.edits - y.edits || y.s - x.s);
		const fewest = shortlist[0]?.edits ?? 0;
		const close = shortlist.filter((c) => c.edits <= fewest + (fewest >= 3 ? 1 : 0)).map((c) => c.word);
		if (close.length === 0) return { term: last ? `'${word}':*` : `'${word}'`, shown: word };
		corrected = true;
		const alternatives = last ? [`'${word}':*`, ...close.map((c) => `'${c}'`)] : close.map((c) => `'${c}'`);
		return { term: `(${alternatives.join(" | ")})`, shown: close[0] };
	});
	return {
		tsquery: parts.map((part) => part.term).join(" & "),
		correctedText: corrected ? parts.map((part) => part.shown).join(" ") : null,
		original: text,
	};
}

/** The SQL tsquery for a plan: corrected terms, or websearch syntax for phrases and exclusions. */
export function tsqueryOf(plan: SearchPlan) {
	return plan.tsquery === null
		? sql`websearch_to_tsquery('english', ${plan.original})`
		: sql`to_tsquery('english', ${plan.tsquery})`;
}
