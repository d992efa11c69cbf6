/**
 * A review body is plain text: blank lines separate paragraphs, single newlines break lines, and a
 * small subset is recognised — *emphasis*, **strong**, and links to http(s) addresses, bare or as
 * [text](https://…). The result is a tree of plain values that a component renders as React
 * elements, so nothing in a body is ever interpreted as HTML.
 */

export type Inline =
	| { kind: "text"; text: string }
	| { kind: "strong"; children: Inline[] }
	| { kind: "em"; children: Inline[] }
	| { kind: "link"; href: string; text: string }
	| { kind: "break" };

export type Paragraph = Inline[];

export const REVIEW_MAX_LENGTH = 10_000;

/** The address of a link, only if it is http(s); anything else (javascript:, data:, relative) is null. */
export function safeHref(raw: string): string | null {
	try {
		const url = new URL(raw);
		if (url.protocol !== "http:" && url.protocol !== "https:") return null;
		if (!/^https?:\/\//i.test(raw)) return null;
		return url.href;
	} catch {
		return null;
	}
}

type Match = { index: number; length: number; node: Inline };

const patterns: { re: RegExp; build: (m: RegExpExecArray, depth: number) => Inline | null }[] = [
	{
		re: /\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()]{1,2000})\)/gi,
		build: (m) => {
			const href = safeHref(m[2]);
			return href ? { kind: "link", href, text: m[1] } : null;
		},
	},
	{
		re: /https?:\/\/[^\s<>()[\]"']{1,2000}/gi,
		build: (m) => {
			const href = safeHref(m[0]);
			return href ? { kind: "link", href, text: m[0] } : null;
		},
	},
	{
		re: /\*\*(\S(?:[^\n]*?\S)?)\*\*/g,
		build: (m, depth) => ({ kind: "strong", children: parseInline(m[1], depth + 1) }),
	},
	{
		re: /\*([^\s*](?:[^*\n]*?[^\s*])?)\*/g,
		build: (m, depth) => ({ kind: "em", children: parseInline(m[1], depth + 1) }),
	},
];

/** The earliest match of any pattern at or after `from` (links before emphasis at the same place). */
function nextMatch(text: string, from: number, depth: number): Match | null {
	let best: Match | null = null;
	for (const { re, build } of patterns) {
		re.lastIndex = from;
		for (let m = re.exec(text); m; m = re.exec(text)) {
			// A bare address loses trailing punctuation that ends the sentence around it.
			const trimmed = re === patterns[1].re ? m[0].replace(/[.,;:!?]+$/, "") : m[0];
			if (trimmed !== m[0]) m[0] = trimmed;
			const node = build(m, depth);
			if (node) {
				if (!best || m.index < best.index) best = { index: m.index, length: m[0].length, node };
				break;
			}
		}
	}
	return best;
}

/** The inline nodes of one line of text; nesting stops after a few levels. */
export function parseInline(text: string, depth = 0): Inline[] {
	if (depth > 3) return text ? [{ kind: "text", text }] : [];
	const out: Inline[] = [];
	let at = 0;
	while (at < text.length) {
		const match = nextMatch(text, at, depth);
		if (!match) break;
		if (match.index > at) out.push({ kind: "text", text: text.slice(at, match.index) });
		out.push(match.node);
		at = match.index + match.length;
	}
	if (at < text.length) out.push({ kind: "text", text: text.slice(at) });
	return out;
}

/** A body as paragraphs (split at blank lines), each a list of inline nodes with line breaks. */
export function formatReview(body: string): Paragraph[] {
	return body
		.replace(/\r\n?/g, "\n")
		.split(/\n[ \t]*\n+/)
		.map((block) => block.trim())
		.filter((block) => block.length > 0)
		.map((block) =>
			block
				.split("\n")
				.flatMap((line, i): Inline[] => [...(i > 0 ? [{ kind: "break" } as const] : []), ...parseInline(line)]),
		);
}

/** A short plain-text excerpt (markup characters of the subset dropped), for tables. */
export function excerptOf(body: string, max = 140): string {
	const flat = body
		.replace(/\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()]{1,2000})\)/gi, "$1")
		.replace(/\*\*|\*/g, "")
		.replace(/\s+/g, " ")
		.trim();
	return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
