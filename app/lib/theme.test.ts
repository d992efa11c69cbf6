import { describe, expect, it } from "vitest";
import { parseTheme } from "./theme";

describe("parseTheme", () => {
	it("accepts the three themes and falls back to system", () => {
		expect(parseTheme("light")).toBe("light");
		expect(parseTheme("dark")).toBe("dark");
		expect(parseTheme("system")).toBe("system");
		for (const value of ["Dark", "sepia", "", null, undefined, 1]) expect(parseTheme(value)).toBe("system");
	});
});
