import type { Page } from "@playwright/test";
import { stableId } from "../../db/seed/ids";
import { expect, newAccount, openEntryEditor, registerThroughForm, test } from "./fixtures";

const works = {
	starWars: { id: stableId("movie-star-wars-1977"), search: "star wars", title: "Star Wars" }, // 121 min
	evangelion: {
		id: stableId("anime-neon-genesis-evangelion-1995"),
		search: "neon genesis evangelion",
		title: "Neon Genesis Evangelion",
	}, // 26 × 24 min
	lastWish: { id: stableId("book-the-last-wish-1993"), search: "the last wish", title: "The Last Wish" }, // 288 pages ≈ 346 min
};

const postTo = (page: Page, path: string) =>
	page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === "POST");

/** Posts the catalog's Add form for one work with a status (a fetcher with JavaScript, a full post without). */
async function addFromCatalog(page: Page, work: (typeof works)[keyof typeof works], status: string, label: string) {
	await page.goto(`/catalog?${new URLSearchParams({ q: work.search })}`);
	const row = page.locator(`.catalog-table tbody tr[data-media-id="${work.id}"]`);
	await expect(row).toContainText(work.title);
	await row.getByLabel(`Status for ${work.title}`).selectOption(status);
	const added = postTo(page, "/catalog");
	await row.getByRole("button", { name: "Add" }).click();
	await added;
	await expect(row.locator(".my-status")).toHaveText(label);
}

test("my stats: entries, time, completions and ratings as charts with the numbers beside them", async ({
	page,
}, testInfo) => {
	await registerThroughForm(page, newAccount(testInfo.project.name));
	await addFromCatalog(page, works.starWars, "completed", "Completed");
	await addFromCatalog(page, works.evangelion, "in_progress", "In progress");
	await addFromCatalog(page, works.lastWish, "planning", "Planning");

	await page.goto("/lists");
	const entry = page.locator(`.entries-table tbody tr[data-media-id="${works.starWars.id}"]`);
	await openEntryEditor(entry);
	await entry.getByLabel("Rating").fill("8");
	const saved = postTo(page, "/lists");
	await entry.getByRole("button", { name: "Save" }).click();
	await saved;
	await expect(entry.locator(".entry-rating")).toHaveText("8");

	await page.goto("/lists/stats");
	await expect(page).toHaveTitle("My stats · OmniMediaTrak");
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("My stats");
	await expect(page.getByRole("link", { name: "Back to my list" })).toHaveAttribute("href", "/lists");

	const summary = page.locator(".stats-summary");
	await expect(summary.locator('[data-key="entries"] dd')).toHaveText("3");
	await expect(summary.locator('[data-key="completed"] dd')).toHaveText("1");
	await expect(summary.locator('[data-key="spent"] dd')).toHaveText("2 h 1 min");
	await expect(summary.locator('[data-key="planned"] dd')).toHaveText("5 h 46 min");
	await expect(summary.locator('[data-key="mean"] dd')).toHaveText("8 / 10");

	// Each chart is an SVG image named by its <title>, one bar per item, each bar with its own tooltip.
	const perType = page.getByRole("img", { name: "Entries per media type" });
	await expect(perType).toHaveAttribute("aria-describedby", /.+/);
	await expect(perType.locator(".chart-bar")).toHaveCount(3);
	await expect(perType.locator(".chart-bar > title")).toHaveText([
		"Films: 1 entry",
		"Anime: 1 entry",
		"Books: 1 entry",
	]);
	const timeSpent = page.getByRole("img", { name: "Time spent per media type" });
	await expect(timeSpent.locator(".chart-bar > title").first()).toHaveText("Films: 2 h 1 min");
	await expect(page.getByRole("img", { name: "Entries per status" }).locator(".chart-bar")).toHaveCount(5);
	const months = page.getByRole("img", { name: "Completions per month" });
	await expect(months.locator(".chart-bar")).toHaveCount(12);
	await expect(months.locator(".chart-bar > title").last()).toHaveText(/^\w+ \d{4}: 1 completion$/);
	const ratings = page.getByRole("img", { name: "Rating distribution" });
	await expect(ratings.locator(".chart-bar")).toHaveCount(10);
	await expect(ratings.locator(".chart-bar > title").nth(7)).toHaveText("8: 1 entry");

	const types = page.locator(".stats-types");
	await expect(types.locator('tr[data-key="movie"] .entries')).toHaveText("1");
	await expect(types.locator('tr[data-key="movie"] [data-status="completed"]')).toHaveText("1");
	await expect(types.locator('tr[data-key="movie"] .spent')).toHaveText("2 h 1 min");
	await expect(types.locator('tr[data-key="anime"] [data-status="in_progress"]')).toHaveText("1");
	await expect(types.locator('tr[data-key="anime"] .spent')).toHaveText("0 min");
	await expect(types.locator('tr[data-key="book"] .planned')).toHaveText("5 h 46 min");

	const statuses = page.locator(".stats-statuses");
	await expect(statuses.locator('tr[data-key="in_progress"] .entries')).toHaveText("1");
	await expect(statuses.locator('tr[data-key="in_progress"] .length')).toHaveText("10 h 24 min");

	const monthRows = page.locator(".stats-months tbody tr");
	await expect(monthRows).toHaveCount(12);
	await expect(monthRows.last().locator(".completed")).toHaveText("1");
	await expect(monthRows.last().locator(".time")).toHaveText("2 h 1 min");
	await expect(page.locator(".stats-ratings tr[data-key='8'] .entries")).toHaveText("1");
	await expect(page.locator(".stats-ratings tr[data-key='9'] .entries")).toHaveText("0");
});

test("my stats: a person with no entries gets a friendly message instead of empty charts", async ({
	page,
}, testInfo) => {
	await registerThroughForm(page, newAccount(testInfo.project.name));
	await page.goto("/lists/stats");
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("My stats");
	await expect(page.locator(".empty")).toContainText("No stats yet");
	await expect(page.locator(".empty").getByRole("link", { name: "Find something in the catalog" })).toHaveAttribute(
		"href",
		"/catalog",
	);
	await expect(page.locator("main svg")).toHaveCount(0);
});
