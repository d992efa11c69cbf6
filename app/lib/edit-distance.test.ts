import { describe, expect, it } from "vitest";
import { editDistance } from "./edit-distance";

describe("editDistance", () => {
	it("counts insertions, deletions and substitutions", () => {
		expect(editDistance("", "")).toBe(0);
		expect(editDistance("king", "king")).toBe(0);
		expect(editDistance("kingdm", "kingdom")).toBe(1);
		expect(editDistance("kingdom", "king")).toBe(3);
		expect(editDistance("hunt", "hint")).toBe(1);
		expect(editDistance("", "abc")).toBe(3);
	});

	it("counts a swap of neighbouring letters as one edit", () => {
		expect(editDistance("dargon", "dragon")).toBe(1);
		expect(editDistance("rigns", "rings")).toBe(1);
		expect(editDistance("dargon", "dark")).toBe(3);
	});

	it("is symmetric", () => {
		for (const [a, b] of [
			["evangellion", "evangelion"],
			["jorney", "journey"],
			["dargon", "dark"],
		]) {
			expect(editDistance(a, b)).toBe(editDistance(b, a));
		}
	});
});
