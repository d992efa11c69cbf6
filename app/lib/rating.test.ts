import { describe, expect, it } from "vitest";
import { fromStoredRating, toStoredRating } from "./rating";

describe("rating scales", () => {
	it("stores every scale on 0–100 and reads it back", () => {
		expect(toStoredRating(4.5, 5)).toBe(90);
		expect(toStoredRating(7, 10)).toBe(70);
		expect(toStoredRating(83, 100)).toBe(83);
		expect(fromStoredRating(90, 5)).toBe(4.5);
		expect(fromStoredRating(83, 10)).toBe(8);
		expect(fromStoredRating(70, 100)).toBe(70);
	});

	it("refuses values outside the scale or between its steps", () => {
		for (const [value, scale] of [
			[6, 5],
			[-1, 10],
			[4.25, 5],
			[7.5, 10],
			[101, 100],
			[Number.NaN, 10],
		] as const) {
			expect(toStoredRating(value, scale)).toBeNull();
		}
	});
});
