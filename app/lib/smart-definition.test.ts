import { describe, expect, it } from "vitest";
import { parseFilterSpec } from "./filter-spec";
import { checkDefinition, definitionFromForm, definitionOfSpec, viewHref } from "./smart-definition";

describe("smart-list definitions", () => {
	it("round-trips a filtered list view through its definition", () => {
		const spec = parseFilterSpec(
			new URLSearchParams("status=completed&status=paused&type=book&ratingMin=70&sort=title&cols=title&size=25"),
			"lists",
		);
		const definition = definitionOfSpec(spec);
		expect(definition).toEqual({
			scope: "lists",
			status: ["completed", "paused"],
			type: ["book"],
			ratingMin: "70",
			sort: "title",
			dir: "asc",
		});
		const check = checkDefinition(JSON.parse(JSON.stringify(definition)));
		expect(check.ok).toBe(true);
		if (check.ok) expect(check.spec).toMatchObject({ status: ["completed", "paused"], type: ["book"], sort: "title" });
		expect(viewHref(definition)).toBe(
			"/lists?type=book&status=completed&status=paused&ratingMin=70&sort=title&dir=asc",
		);
	});

	it("refuses what the filter spec would drop or change, naming the field", () => {
		const cases: [unknown, RegExp][] = [
			[null, /JSON object/],
			[[1, 2], /JSON object/],
			["status=completed", /JSON object/],
			[{ status: ["completed"] }, /scope/],
			[{ scope: "everything" }, /scope/],
			[{ scope: "lists", colour: "red" }, /colour/],
			[{ scope: "lists", status: "completed" }, /status.*list of values/],
			[{ scope: "lists", status: ["binging"] }, /status/],
			[{ scope: "lists", ratingMin: "abc" }, /ratingMin/],
			[{ scope: "lists", ratingMin: 500 }, /ratingMin/],
			[{ scope: "lists", startedFrom: "2024-02-30" }, /startedFrom/],
			[{ scope: "catalog", sort: "progress" }, /sort/],
			[{ scope: "lists", dir: "sideways" }, /dir/],
			[{ scope: "lists", q: { $ne: 1 } }, /q.*single value/],
		];
		for (const [input, message] of cases) {
			const check = checkDefinition(input);
			expect(check.ok, JSON.stringify(input)).toBe(false);
			if (!check.ok) expect(check.errors.join(" "), JSON.stringify(input)).toMatch(message);
		}
	});

	it("reads a definition from form fields or from its JSON field", () => {
		const form = new FormData();
		form.append("scope", "catalog");
		form.append("type", "movie");
		form.append("type", "anime");
		form.append("yearFrom", "1990");
		form.append("country", "");
		const fromFields = definitionFromForm(form);
		expect(fromFields.ok && fromFields.definition).toEqual({
			scope: "catalog",
			type: ["movie", "anime"],
			yearFrom: "1990",
			dir: "asc",
		});
		form.set("definition", '{"scope": "lists", "status": ["dropped"]}');
		const fromJson = definitionFromForm(form);
		expect(fromJson.ok && fromJson.definition).toMatchObject({ scope: "lists", status: ["dropped"] });
		form.set("definition", "{not json");
		const broken = definitionFromForm(form);
		expect(broken.ok).toBe(false);
		if (!broken.ok) expect(broken.errors).toEqual(["The filters are not valid JSON."]);
	});

	it("is saved only from the catalog or my list, not from my reviews", () => {
		const check = checkDefinition({ scope: "reviews", type: ["movie"] });
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.errors[0]).toMatch(/scope/);
		expect(checkDefinition({ scope: "catalog", spoiler: "yes" }).ok).toBe(false);
	});
});
