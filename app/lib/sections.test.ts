import { describe, expect, it } from "vitest";
import { sectionOf } from "./sections";

describe("sectionOf", () => {
	it("maps each path to its nav section", () => {
		expect(sectionOf("/")).toBe("home");
		expect(sectionOf("/catalog")).toBe("catalog");
		expect(sectionOf("/catalog/8d1c1e5e-0000-5000-8000-000000000000")).toBe("catalog");
		expect(sectionOf("/lists/new")).toBe("lists");
		expect(sectionOf("/reviews")).toBe("reviews");
		expect(sectionOf("/login")).toBe("account");
		expect(sectionOf("/settings/security")).toBe("account");
		expect(sectionOf("/catalogue")).toBe("other");
	});
});
