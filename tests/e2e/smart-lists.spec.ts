import type { Page } from "@playwright/test";
import { stableId } from "../../db/seed/ids";
import { expect, newAccount, registerThroughForm, test } from "./fixtures";

const works = {
	fellowship: {
		id: stableId("book-the-fellowship-of-the-ring-1954"),
		title: "The Fellowship of the Ring",
		q: "fellowship of the ring",
	},
	spiritedAway: { id: stableId("movie-spirited-away-2001"), title: "Spirited Away", q: "spirited away" },
	dune: { id: stableId("movie-dune-2021"), title: "Dune", q: "dune villeneuve" },
};

async function track(page: Page, work: (typeof works)[keyof typeof works], status: string) {
	await page.goto(`/catalog?${new URLSearchParams({ q: work.q })}`);
	const row = page.locator(`.catalog-table tbody tr[data-media-id="${work.id}"]`);
	await row.getByLabel(`Status for ${work.title}`).selectOption(status);
	const added = page.waitForResponse(
		(r) => new URL(r.url()).pathname === "/catalog" && r.request().method() === "POST",
	);
	await row.getByRole("button", { name: "Add" }).click();
	await added;
	await expect(row.locator(".my-status")).toBeVisible();
}

test("a filtered view saved as a smart list shows a newly matching work when opened again", async ({
	page,
}, testInfo) => {
	await registerThroughForm(page, newAccount(testInfo.project.name));
	await track(page, works.fellowship, "completed");
	await track(page, works.dune, "planning");

	// My list filtered to completed entries, then "Save as smart list".
	await page.goto("/lists?status=completed");
	await expect(page.locator(".entries-table tbody tr")).toHaveCount(1);
	await page.locator(".controls-bar").getByRole("link", { name: "Save as smart list" }).click();
	await expect(page).toHaveURL(/\/lists\/new\?kind=smart/);
	await expect(page.locator(".smart-filters")).toContainText("Status: completed");
	await page.getByLabel("Name").fill("Finished things");
	await page.getByRole("button", { name: "Create smart list" }).click();
	await expect(page).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
	const listPath = new URL(page.url()).pathname;
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finished things");
	await expect(page.locator(".smart-results tbody tr")).toHaveCount(1);
	await expect(page.locator(".smart-results")).toContainText(works.fellowship.title);

	// A work that now matches appears the next time the list is opened.
	await track(page, works.spiritedAway, "completed");
	await page.goto(listPath);
	await expect(page.locator(".smart-results tbody tr")).toHaveCount(2);
	await expect(page.locator(".smart-results")).toContainText(works.spiritedAway.title);
	await expect(page.locator(".smart-results")).not.toContainText(works.dune.title);

	// It is listed beside my entries, and its filters can be changed.
	await page.goto("/lists");
	await expect(page.locator(".my-lists")).toContainText("Finished things");
	await page.goto(listPath);
	await page.locator(".edit-filters summary").click();
	const edit = page.locator(".edit-filters");
	await edit.getByRole("checkbox", { name: "Completed" }).uncheck();
	await edit.getByRole("checkbox", { name: "Planning" }).check();
	await edit.getByRole("button", { name: "Save filters" }).click();
	await expect(page.locator(".smart-results tbody tr")).toHaveCount(1);
	await expect(page.locator(".smart-results")).toContainText(works.dune.title);

	// Malformed JSON is refused with a message and changes nothing. (With JavaScript the details stay
	// open across the in-place navigation after saving; without it the page is new.)
	if (!(await edit.evaluate((details) => (details as HTMLDetailsElement).open))) {
		await page.locator(".edit-filters summary").click();
	}
	await edit.getByLabel(/the filters as JSON/).fill("{not json");
	await edit.getByRole("button", { name: "Save filters" }).click();
	await expect(page.getByRole("alert")).toContainText("The filters are not valid JSON.");
	await page.goto(listPath);
	await expect(page.locator(".smart-results")).toContainText(works.dune.title);
});
