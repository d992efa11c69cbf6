import { describe, expect, it } from "vitest";
import { excerptOf, formatReview, parseInline, safeHref } from "./review-format";

describe("review formatting", () => {
	it("splits paragraphs at blank lines and keeps single newlines as breaks", () => {
		expect(formatReview("First line\nsecond line\n\n\n  Next paragraph  \r\n\r\nLast")).toEqual([
			[{ kind: "text", text: "First line" }, { kind: "break" }, { kind: "text", text: "second line" }],
			[{ kind: "text", text: "Next paragraph" }],
			[{ kind: "text", text: "Last" }],
		]);
		expect(formatReview("   \n\n  ")).toEqual([]);
	});

	it("reads *emphasis*, **strong** and nesting, and leaves lone stars alone", () => {
		expect(parseInline("a *b* and **c *d* e**")).toEqual([
			{ kind: "text", text: "a " },
			{ kind: "em", children: [{ kind: "text", text: "b" }] },
			{ kind: "text", text: " and " },
			{
				kind: "strong",
				children: [
					{ kind: "text", text: "c " },
					{ kind: "em", children: [{ kind: "text", text: "d" }] },
					{ kind: "text", text: " e" },
				],
			},
		]);
		expect(parseInline("2 * 3 * 4")).toEqual([{ kind: "text", text: "2 * 3 * 4" }]);
		expect(parseInline("**")).toEqual([{ kind: "text", text: "**" }]);
	});

	it("links http(s) addresses, bare or with text, without trailing punctuation", () => {
		expect(parseInline("See https://example.com/a?b=1. Or [the site](http://example.org/x).")).toEqual([
			{ kind: "text", text: "See " },
			{ kind: "link", href: "https://example.com/a?b=1", text: "https://example.com/a?b=1" },
			{ kind: "text", text: ". Or " },
			{ kind: "link", href: "http://example.org/x", text: "the site" },
			{ kind: "text", text: "." },
		]);
	});

	it("never links other schemes, and keeps HTML as text", () => {
		for (const body of [
			"[click](javascript:alert(1))",
			"javascript:alert(1)",
			"[x](data:text/html,<script>alert(1)</script>)",
			"[x](//evil.example)",
			'<a href="javascript:alert(1)">x</a>',
		]) {
			const nodes = formatReview(body).flat();
			expect(
				nodes.some((n) => n.kind === "link"),
				body,
			).toBe(false);
			expect(nodes.map((n) => (n.kind === "text" ? n.text : "")).join(""), body).toBe(body);
		}
		expect(safeHref("JAVASCRIPT:alert(1)")).toBeNull();
		expect(safeHref("https://example.com")).toBe("https://example.com/");
		expect(safeHref("https:example.com")).toBeNull();
	});

	it("makes short plain excerpts", () => {
		expect(excerptOf("**Great** *read*.\n\nSee [it](https://example.com).")).toBe("Great read. See it.");
		expect(excerptOf("x".repeat(300), 10)).toBe(`${"x".repeat(9)}…`);
	});
});
