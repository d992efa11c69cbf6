import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
	it("keeps local paths with their query", () => {
		expect(safeRedirectPath("/catalog?type=book&sort=title")).toBe("/catalog?type=book&sort=title");
		expect(safeRedirectPath("/")).toBe("/");
	});

	it("refuses anything that could leave the site", () => {
		for (const target of [
			"https://evil.example",
			"//evil.example",
			"/\\evil.example",
			"javascript:alert(1)",
			"catalog",
			"/a\nb",
			"",
			42,
			null,
		]) {
			expect(safeRedirectPath(target, "/home")).toBe("/home");
		}
	});
});
