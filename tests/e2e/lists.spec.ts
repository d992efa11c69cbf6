import type { Locator, Page, TestInfo } from "@playwright/test";
import { stableId } from "../../db/seed/ids";
import { expect, newAccount, openEntryEditor, registerThroughForm, test } from "./fixtures";

/**
 * My list (/lists), with JavaScript on (fetchers, optimistic rows, undo) and off (full posts and
 * Post/Redirect/Get). Every test registers its own account, so each starts from an empty list.
 */

type Work = { id: string; title: string; search: string; type: string };

const works = {
	// 423 pages ≈ 508 min to read
	fellowship: {
		id: stableId("book-the-fellowship-of-the-ring-1954"),
		title: "The Fellowship of the Ring",
		search: "fellowship of the ring",
		type: "book",
	},
	// 155 min (the 1984 film has the same title, so rows are found by id)
	dune: { id: stableId("movie-dune-2021"), title: "Dune", search: "dune", type: "movie" },
	// 26 episodes × 24 min = 624 min
	evangelion: {
		id: stableId("anime-neon-genesis-evangelion-1995"),
		title: "Neon Genesis Evangelion",
		search: "neon genesis evangelion",
		type: "anime",
	},
	// 24 episodes
	steinsGate: { id: stableId("anime-steins-gate-2011"), title: "Steins;Gate", search: "steins gate", type: "anime" },
} satisfies Record<string, Work>;

const statusLabels = {
	planning: "Planning",
	in_progress: "In progress",
	completed: "Completed",
	paused: "Paused",
	dropped: "Dropped",
} as const;
type Status = keyof typeof statusLabels;

const usesJavaScript = (testInfo: TestInfo) => testInfo.project.name === "js";

const isPostTo = (path: string) => (r: { url(): string; request(): { method(): string } }) =>
	new URL(r.url()).pathname === path && r.request().method() === "POST";

/** Adds a work from the catalog's row ("Add" with a status): a fetcher with JavaScript, a full post without. */
async function addFromCatalog(page: Page, work: Work, status: Status = "planning") {
	await page.goto(`/catalog?${new URLSearchParams({ q: work.search, type: work.type })}`);
	const row = page.locator(`.catalog-table tbody tr[data-media-id="${work.id}"]`);
	await expect(row).toContainText(work.title);
	await row.getByLabel(`Status for ${work.title}`).selectOption(status);
	const added = page.waitForResponse(isPostTo("/catalog"));
	await row.getByRole("button", { name: "Add" }).click();
	expect((await added).status()).toBeLessThan(400);
	await expect(row.locator(".my-status")).toHaveText(statusLabels[status]);
}

/**
 * Clicks something that posts to /lists and waits until the answer is on screen: with JavaScript the
 * fetcher's or form's POST; without, the next document (the redirect's GET, or the 400 page itself).
 */
async function postToList(page: Page, testInfo: TestInfo, click: () => Promise<void>) {
	const answered = usesJavaScript(testInfo) ? page.waitForResponse(isPostTo("/lists")) : page.waitForEvent("load");
	await click();
	await answered;
}

const entries = (page: Page) => page.locator(".entries-table tbody tr");
const entryRow = (page: Page, work: Work) => page.locator(`.entries-table tbody tr[data-media-id="${work.id}"]`);

/** The cell of a row under the column headed `header` (headers carry a sort arrow when sorted). */
async function cellUnder(page: Page, row: Locator, header: string): Promise<Locator> {
	const headers = (await page.locator(".entries-table thead th").allTextContents()).map((h) =>
		h.replace(/[▲▼]/g, "").trim(),
	);
	const index = headers.indexOf(header);
	expect(index, `a column headed ${header} in ${headers.join(", ")}`).toBeGreaterThan(0);
	return row.locator("td").nth(index);
}

/** "45 min", "3 h 20 min", "12 days" (app/lib/columns.ts formatMinutes) back to minutes. */
function minutesOf(text: string): number {
	const days = /(\d+) days/.exec(text);
	if (days) return Number(days[1]) * 24 * 60;
	const hours = /(\d+) h/.exec(text);
	const minutes = /(\d+) min/.exec(text);
	if (!hours && !minutes) throw new Error(`not a duration: ${text}`);
	return Number(hours?.[1] ?? 0) * 60 + Number(minutes?.[1] ?? 0);
}

test.describe("my list", () => {
	test.beforeEach(async ({ page }, testInfo) => {
		await registerThroughForm(page, newAccount(testInfo.project.name));
	});

	test("a book, a film and an anime added from the catalog are all listed", async ({ page }) => {
		await addFromCatalog(page, works.fellowship, "planning");
		await addFromCatalog(page, works.dune, "in_progress");
		await addFromCatalog(page, works.evangelion, "paused");

		await page.goto("/lists");
		await expect(page.getByRole("heading", { level: 1 })).toHaveText("My list");
		await expect(entries(page)).toHaveCount(3);
		const ids = await entries(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-media-id")));
		expect(ids.sort()).toEqual([works.fellowship.id, works.dune.id, works.evangelion.id].sort());

		for (const [work, type, status] of [
			[works.fellowship, "Books", "Planning"],
			[works.dune, "Films", "In progress"],
			[works.evangelion, "Anime", "Paused"],
		] as const) {
			const row = entryRow(page, work);
			await expect(await cellUnder(page, row, "Title")).toHaveText(work.title);
			await expect(await cellUnder(page, row, "Type")).toHaveText(type);
			await expect(row.locator(".entry-status")).toHaveText(status);
		}
		await expect(entryRow(page, works.fellowship).locator(".entry-progress")).toHaveText("0 / 423 pages");
		await expect(entryRow(page, works.dune).locator(".entry-progress")).toHaveText("0 / 155 minutes");
		await expect(entryRow(page, works.evangelion).locator(".entry-progress")).toHaveText("0 / 26 episodes");
		await expect(page.locator(".result-count")).toHaveText("3 entries");
		await expect(page.locator(".list-summary")).toContainText(
			"Planning 1 · In progress 1 · Completed 0 · Paused 1 · Dropped 0 · 3 entries",
		);
	});

	test("status, progress and rating change inline; completing sets progress to the total", async ({
		page,
	}, testInfo) => {
		await addFromCatalog(page, works.evangelion, "planning");
		await page.goto("/lists");
		const row = entryRow(page, works.evangelion);
		await expect(row.locator(".entry-progress")).toHaveText("0 / 26 episodes");
		await expect(row.locator(".entry-rating")).toHaveText("—");
		// Rows carry no editor until asked.
		await expect(row.getByLabel("Status")).toHaveCount(0);

		await openEntryEditor(row);
		await row.getByLabel("Status").selectOption("in_progress");
		await row.getByLabel("Progress").fill("5");
		await row.getByLabel("Rating").fill("8");
		await postToList(page, testInfo, () => row.getByRole("button", { name: "Save" }).click());
		await expect(row.locator(".entry-status")).toHaveText("In progress");
		await expect(row.locator(".entry-progress")).toHaveText("5 / 26 episodes");
		await expect(row.locator(".entry-rating")).toHaveText("8");
		// The editor shows what was saved.
		await expect(row.getByLabel("Status")).toHaveValue("in_progress");
		await expect(row.getByLabel("Progress")).toHaveValue("5");
		await expect(row.getByLabel("Rating")).toHaveValue("8");

		await row.getByLabel("Status").selectOption("completed");
		await postToList(page, testInfo, () => row.getByRole("button", { name: "Save" }).click());
		await expect(row.locator(".entry-status")).toHaveText("Completed");
		await expect(row.locator(".entry-progress")).toHaveText("26 / 26 episodes");
		await expect(row.locator(".entry-time")).toHaveText("0 min");

		await page.reload();
		await expect(row.locator(".entry-status")).toHaveText("Completed");
		await expect(row.locator(".entry-progress")).toHaveText("26 / 26 episodes");
		await expect(row.locator(".entry-rating")).toHaveText("8");
		await expect(page.locator(".list-summary")).toContainText("Completed 1");
	});

	test("notes, dates and the rewatch count are edited under More and shown in their columns", async ({
		page,
	}, testInfo) => {
		await addFromCatalog(page, works.dune, "completed");
		await page.goto("/lists");

		// Turn on the Notes, Started and Completed columns (they apply as they change with JavaScript).
		await page.locator(".columns-dropdown summary").click();
		const columns = page.locator(".columns-dropdown");
		for (const name of ["Notes", "Started", "Completed"]) await columns.getByLabel(name, { exact: true }).check();
		if (!usesJavaScript(testInfo)) await columns.getByRole("button", { name: "Apply" }).click();
		await expect(page).toHaveURL(/[?&]cols=[^&]*notes/);
		await expect(page).toHaveURL(/[?&]cols=[^&]*started/);
		await expect(page).toHaveURL(/[?&]cols=[^&]*completed/);
		await expect(page.locator(".entries-table thead")).toContainText("Notes");

		const row = entryRow(page, works.dune);
		await openEntryEditor(row);
		const listUrl = page.url().split("#")[0];
		const more = row.locator(".entry-more");
		await more.locator("summary").click();
		await more.getByLabel("Notes").fill("Watched in IMAX; the sound!");
		await more.getByLabel("Started").fill("2024-03-01");
		await more.getByLabel("Completed").fill("2024-03-02");
		await more.getByLabel("Rewatch/reread count").fill("2");
		await postToList(page, testInfo, () => more.getByRole("button", { name: "Save details" }).click());

		await expect(await cellUnder(page, row, "Notes")).toHaveText("Watched in IMAX; the sound!");
		await expect(await cellUnder(page, row, "Started")).toHaveText("2024-03-01");
		await expect(await cellUnder(page, row, "Completed")).toHaveText("2024-03-02");
		// The view (its columns) survives the post.
		expect(page.url().split("#")[0]).toBe(listUrl);

		// Stored: a fresh page shows the same, and the rewatch count in the form.
		await page.goto("/lists?cols=title,status,notes,started");
		await expect(await cellUnder(page, row, "Notes")).toHaveText("Watched in IMAX; the sound!");
		await expect(await cellUnder(page, row, "Started")).toHaveText("2024-03-01");
		await expect(row.locator(".entry-status")).toHaveText("Completed");
		await openEntryEditor(row);
		await more.locator("summary").click();
		await expect(more.getByLabel("Notes")).toHaveValue("Watched in IMAX; the sound!");
		await expect(more.getByLabel("Completed")).toHaveValue("2024-03-02");
		await expect(more.getByLabel("Rewatch/reread count")).toHaveValue("2");
	});

	test("Remove takes a row out; with JavaScript, Undo puts it back with its values", async ({ page }, testInfo) => {
		await addFromCatalog(page, works.fellowship, "in_progress");
		await addFromCatalog(page, works.dune, "planning");
		await page.goto("/lists");
		const row = entryRow(page, works.fellowship);
		await openEntryEditor(row);
		await row.getByLabel("Progress").fill("120");
		await row.getByLabel("Rating").fill("7");
		await postToList(page, testInfo, () => row.getByRole("button", { name: "Save" }).click());
		await expect(row.locator(".entry-progress")).toHaveText("120 / 423 pages");
		await expect(row.locator(".entry-rating")).toHaveText("7");

		await postToList(page, testInfo, () => row.getByRole("button", { name: "Remove" }).click());
		await expect(row).toHaveCount(0);
		await expect(entries(page)).toHaveCount(1);
		await expect(entryRow(page, works.dune)).toBeVisible();

		if (usesJavaScript(testInfo)) {
			const undo = page.locator(".undo-bar");
			await expect(undo).toContainText(`Removed “${works.fellowship.title}”.`);
			const restored = page.waitForResponse(isPostTo("/lists"));
			await undo.getByRole("button", { name: "Undo" }).click();
			expect((await restored).status()).toBeLessThan(400);
			await expect(undo).toHaveCount(0);
			await expect(entries(page)).toHaveCount(2);
			await expect(row.locator(".entry-status")).toHaveText("In progress");
			await expect(row.locator(".entry-progress")).toHaveText("120 / 423 pages");
			await expect(row.locator(".entry-rating")).toHaveText("7");
			await page.reload();
			await expect(row.locator(".entry-progress")).toHaveText("120 / 423 pages");
			await expect(row.locator(".entry-rating")).toHaveText("7");
		} else {
			// Without JavaScript there is no undo: the page came back without the row.
			await expect(page.locator(".undo-bar")).toHaveCount(0);
			await expect(page.locator(".list-summary")).toContainText("1 entry");
			await page.goto("/lists");
			await expect(entries(page)).toHaveCount(1);
			await expect(row).toHaveCount(0);
		}
	});

	test("status tabs and the filter menu narrow the list; Time left sorts it both ways", async ({ page }, testInfo) => {
		await addFromCatalog(page, works.fellowship, "planning"); // 8 h 28 min left
		await addFromCatalog(page, works.dune, "in_progress"); // 2 h 35 min left
		await addFromCatalog(page, works.evangelion, "paused"); // 10 h 24 min left
		await page.goto("/lists");
		await expect(entries(page)).toHaveCount(3);

		const tabs = page.locator(".status-tabs");
		await tabs.getByRole("link", { name: "In progress" }).click();
		await expect(page).toHaveURL(/[?&]status=in_progress(&|$)/);
		await expect(tabs.getByRole("link", { name: "In progress" })).toHaveAttribute("aria-current", "page");
		await expect(entries(page)).toHaveCount(1);
		await expect(entryRow(page, works.dune)).toBeVisible();
		await expect(page.locator(".filter-status")).toHaveText("1 filter");

		await tabs.getByRole("link", { name: "Completed" }).click();
		await expect(page.locator(".empty")).toContainText("No entries match these filters.");

		await tabs.getByRole("link", { name: "All" }).click();
		await expect(entries(page)).toHaveCount(3);
		await expect(page.locator(".filter-status")).toHaveText("No filters");

		// The filter menu's Status checkboxes take several statuses at once.
		await page.locator(".filter-dropdown summary").click();
		const statuses = page.locator(".filter-menu").getByRole("group", { name: "Status" });
		await statuses.getByLabel("Planning").check();
		await statuses.getByLabel("Paused").check();
		if (!usesJavaScript(testInfo)) await page.locator(".filter-menu").getByRole("button", { name: "Apply" }).click();
		await expect(page).toHaveURL(/status=planning&status=paused/);
		await expect(entries(page)).toHaveCount(2);
		await expect(entryRow(page, works.fellowship)).toBeVisible();
		await expect(entryRow(page, works.evangelion)).toBeVisible();
		await page.getByRole("link", { name: "Clear filter" }).click();
		await expect(entries(page)).toHaveCount(3);

		const timeLeft = page.locator(".entries-table th", { hasText: "Time left" });
		await expect(timeLeft).toHaveAttribute("aria-sort", "none");
		await timeLeft.getByRole("link").click();
		await expect(timeLeft).toHaveAttribute("aria-sort", "ascending");
		const times = page.locator(".entries-table tbody .entry-time");
		await expect(times).toHaveText(["2 h 35 min", "8 h 28 min", "10 h 24 min"]);
		const ascending = (await times.allTextContents()).map(minutesOf);
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

		await timeLeft.getByRole("link").click();
		await expect(timeLeft).toHaveAttribute("aria-sort", "descending");
		await expect(times).toHaveText(["10 h 24 min", "8 h 28 min", "2 h 35 min"]);
		const descending = (await times.allTextContents()).map(minutesOf);
		expect(descending).toEqual([...descending].sort((a, b) => b - a));
		await expect(page).toHaveURL(/sort=time&dir=desc/);
	});

	test("the bulk bar sets the status of the ticked rows, then removes them", async ({ page }, testInfo) => {
		await addFromCatalog(page, works.dune, "planning");
		await addFromCatalog(page, works.evangelion, "planning");
		await addFromCatalog(page, works.steinsGate, "in_progress");
		await page.goto("/lists");
		await expect(entries(page)).toHaveCount(3);

		const bulk = page.locator(".bulk-bar");
		// Nothing ticked: the page says so and nothing changes.
		await bulk.getByLabel("New status").selectOption("completed");
		await postToList(page, testInfo, () => bulk.getByRole("button", { name: "Set status" }).click());
		await expect(page.getByRole("alert")).toHaveText("Select at least one row.");
		await expect(page.locator(".entries-table .entry-status")).toHaveText(["In progress", "Planning", "Planning"]);

		const tick = async () => {
			await page.getByLabel(`Select ${works.dune.title}`, { exact: true }).check();
			await page.getByLabel(`Select ${works.evangelion.title}`, { exact: true }).check();
		};
		await tick();
		await bulk.getByLabel("New status").selectOption("dropped");
		await postToList(page, testInfo, () => bulk.getByRole("button", { name: "Set status" }).click());
		await expect(entryRow(page, works.dune).locator(".entry-status")).toHaveText("Dropped");
		await expect(entryRow(page, works.evangelion).locator(".entry-status")).toHaveText("Dropped");
		await expect(entryRow(page, works.steinsGate).locator(".entry-status")).toHaveText("In progress");
		await expect(page.locator(".list-summary")).toContainText(
			"Planning 0 · In progress 1 · Completed 0 · Paused 0 · Dropped 2",
		);

		await tick();
		await postToList(page, testInfo, () => bulk.getByRole("button", { name: "Remove selected" }).click());
		await expect(entries(page)).toHaveCount(1);
		await expect(entryRow(page, works.steinsGate)).toBeVisible();
		await page.goto("/lists");
		await expect(entries(page)).toHaveCount(1);
		await expect(entryRow(page, works.steinsGate).locator(".entry-status")).toHaveText("In progress");
	});

	test("bad input shows a message by the row and changes nothing", async ({ page }, testInfo) => {
		await addFromCatalog(page, works.fellowship, "in_progress");
		await page.goto("/lists");
		const row = entryRow(page, works.fellowship);
		await openEntryEditor(row);
		const progress = row.getByLabel("Progress");
		await expect(progress).toHaveAttribute("max", "423");

		// Past the browser's own check (the max attribute), the server still refuses it.
		await progress.evaluate((input) => input.removeAttribute("max"));
		await row.getByLabel("Status").selectOption("paused");
		await progress.fill("9999");
		await row.getByLabel("Rating").fill("6");
		await postToList(page, testInfo, () => row.getByRole("button", { name: "Save" }).click());
		const alert = row.getByRole("alert");
		await expect(alert).toHaveText("Progress can be at most 423.");
		await expect(alert).toHaveClass(/form-errors/);

		// A rating off the person's scale (10 here) is refused too.
		await page.goto("/lists");
		await openEntryEditor(row);
		await row.getByLabel("Rating").evaluate((input) => input.removeAttribute("max"));
		await row.getByLabel("Rating").fill("42");
		await postToList(page, testInfo, () => row.getByRole("button", { name: "Save" }).click());
		await expect(row.getByRole("alert")).toHaveText("Rate from 0 to 10.");

		await page.goto("/lists");
		await expect(row.getByRole("alert")).toHaveCount(0);
		await expect(row.locator(".entry-status")).toHaveText("In progress");
		await expect(row.locator(".entry-progress")).toHaveText("0 / 423 pages");
		await expect(row.locator(".entry-rating")).toHaveText("—");
	});

	test("the search box narrows my list", async ({ page }, testInfo) => {
		await addFromCatalog(page, works.fellowship);
		await addFromCatalog(page, works.dune);
		await addFromCatalog(page, works.evangelion);
		await page.goto("/lists");
		await expect(entries(page)).toHaveCount(3);

		const search = page.locator("#searchBox");
		await expect(search).toHaveAttribute("placeholder", "Search my list");
		await search.fill("evangelion");
		// With JavaScript the search applies after a pause in typing; without it, Enter submits.
		if (!usesJavaScript(testInfo)) await search.press("Enter");
		await expect(page).toHaveURL(/[?&]q=evangelion/);
		await expect(entries(page)).toHaveCount(1);
		await expect(entryRow(page, works.evangelion)).toBeVisible();
		await expect(page.locator(".result-count")).toHaveText("1 entry");

		await search.fill("ring");
		if (!usesJavaScript(testInfo)) await search.press("Enter");
		await expect(page).toHaveURL(/[?&]q=ring/);
		await expect(entries(page)).toHaveCount(1);
		await expect(entryRow(page, works.fellowship)).toBeVisible();
	});
});
