import { describe, expect, it } from "vitest";
import { axisTicks, barLength, niceMax } from "./scale";

describe("chart scale", () => {
	it("rounds the axis top up to 1, 2 or 5 × 10ⁿ", () => {
		expect([0, 1, 2, 3, 7, 10, 11, 24, 51, 130, 4999].map(niceMax)).toEqual([
			1, 1, 2, 5, 10, 10, 20, 50, 100, 200, 5000,
		]);
		expect(niceMax(Number.NaN)).toBe(1);
	});

	it("puts at most five whole-number gridlines steps between 0 and the top", () => {
		expect(axisTicks(1)).toEqual([0, 1]);
		expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(axisTicks(10)).toEqual([0, 2, 4, 6, 8, 10]);
		expect(axisTicks(20)).toEqual([0, 5, 10, 15, 20]);
		expect(axisTicks(200)).toEqual([0, 50, 100, 150, 200]);
		expect(axisTicks(5000)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
	});

	it("scales bars to the span and keeps small non-zero values visible", () => {
		expect(barLength(5, 10, 300)).toBe(150);
		expect(barLength(10, 10, 300)).toBe(300);
		expect(barLength(1, 1000, 300)).toBe(2);
		expect(barLength(0, 10, 300)).toBe(0);
		expect(barLength(20, 10, 300)).toBe(300);
	});
});
