import type { Page } from "@playwright/test";
import { expect, newAccount, registerThroughForm, signOut, test } from "./fixtures";

async function applyFilters(page: Page, javaScript: boolean) {
	// With JavaScript the form applies as it changes; without it, the Apply button submits.
	if (!javaScript) await page.locator(".filter-menu").getByRole("button", { name: "Apply" }).click();
}

test.describe("catalog", () => {
	test("a search with a typo finds the intended work first", async ({ page }) => {
		await page.goto("/catalog");
		await page.locator("#searchBox").fill("cyberpnk edgerunners");
		await page.locator("#searchBox").press("Enter");
		await expect(page).toHaveURL(/q=cyberpnk/);
		await expect(page.locator(".catalog-table tbody tr").first()).toContainText("Cyberpunk: Edgerunners");
		await expect(page.locator(".search-correction")).toContainText("cyberpunk edgerunners");
	});

	test("sidebar class, year range and creator narrow the results, the badge counts them, Clear filter resets", async ({
		page,
	}, testInfo) => {
		const javaScript = testInfo.project.name === "js";
		await page.goto("/catalog");
		await page
			.locator(".media-type-buttons")
			.getByRole("link", { name: /^Books/ })
			.click();
		await expect(page).toHaveURL(/class=written\.books/);
		await expect(page.locator(".filter-status")).toHaveText("1 filter");

		await page.locator(".filter-dropdown summary").click();
		await page.locator(".filter-menu").getByLabel("Year from").fill("1990");
		await page.locator(".filter-menu").getByLabel("Year to").fill("1999");
		await applyFilters(page, javaScript);
		await expect(page).toHaveURL(/yearTo=1999/);
		await expect(page.locator(".filter-status")).toHaveText("2 filters");
		const years = await page.locator(".catalog-table tbody tr td:nth-child(3)").allTextContents();
		expect(years.length).toBeGreaterThan(0);
		for (const year of years) expect(Number(year)).toBeGreaterThanOrEqual(1990);

		if (!(await page.locator(".filter-dropdown").evaluate((d) => (d as HTMLDetailsElement).open))) {
			await page.locator(".filter-dropdown summary").click();
		}
		await page.locator(".filter-menu").getByLabel("Creator", { exact: true }).fill("Andrzej Sapkowski");
		await applyFilters(page, javaScript);
		await expect(page).toHaveURL(/creator=Andrzej/);
		await expect(page.locator(".filter-status")).toHaveText("3 filters");
		const creators = await page.locator(".catalog-table tbody tr td:nth-child(4)").allTextContents();
		expect(creators.length).toBeGreaterThan(0);
		for (const names of creators) expect(names).toContain("Andrzej Sapkowski");

		await page.getByRole("link", { name: "Clear filter" }).click();
		await expect(page.locator(".filter-status")).toHaveText("No filters");
		await expect(page).toHaveURL(/\/catalog$/);
	});

	test("sorting by year flips with the header, and hiding a column removes it", async ({ page }, testInfo) => {
		await page.goto("/catalog");
		const yearHeader = page.locator("th", { hasText: "Year" });
		await yearHeader.getByRole("link").click();
		await expect(yearHeader).toHaveAttribute("aria-sort", "descending");
		const newest = Number(await page.locator(".catalog-table tbody tr td:nth-child(3)").first().textContent());
		await yearHeader.getByRole("link").click();
		await expect(yearHeader).toHaveAttribute("aria-sort", "ascending");
		const oldest = Number(await page.locator(".catalog-table tbody tr td:nth-child(3)").first().textContent());
		expect(oldest).toBeLessThan(newest);

		await page.locator(".columns-dropdown summary").click();
		await page.locator(".columns-dropdown").getByLabel("Creators").uncheck();
		if (testInfo.project.name !== "js")
			await page.locator(".columns-dropdown").getByRole("button", { name: "Apply" }).click();
		await expect(page).toHaveURL(/cols=/);
		await expect(page.locator(".catalog-table thead")).not.toContainText("Creators");
		await expect(yearHeader).toHaveAttribute("aria-sort", "ascending");
	});

	test("Add puts a work in the list and returns to the same filtered page", async ({ page }, testInfo) => {
		await registerThroughForm(page, newAccount(testInfo.project.name));
		const url = "/catalog?class=video.film&sort=year&dir=asc";
		await page.goto(url);
		const row = page.locator(".catalog-table tbody tr").first();
		const title = await row.locator("td").first().textContent();
		const posted = page.waitForResponse(
			(response) => new URL(response.url()).pathname === "/catalog" && response.request().method() === "POST",
		);
		await row.getByRole("button", { name: "Add" }).click();
		await posted;
		await expect(row.locator(".my-status")).toHaveText("Planning");
		await expect(page).toHaveURL(/\/catalog\?class=video\.film&sort=year&dir=asc$/);
		await page.reload();
		await expect(page.locator(".catalog-table tbody tr").first().locator(".my-status")).toHaveText("Planning");
		await expect(page.locator(".catalog-table tbody tr").first().locator("td").first()).toHaveText(title ?? "");
	});

	test("Add to list… from a row: opens in the row with JavaScript, goes to the work page's picker without", async ({
		page,
	}, testInfo) => {
		const javaScript = testInfo.project.name === "js";
		await registerThroughForm(page, newAccount(testInfo.project.name));
		const url = "/catalog?class=video.film&sort=year&dir=asc";
		await page.goto(url);
		const row = page.locator(".catalog-table tbody tr").first();
		// With no lists yet there is nothing to add to.
		await expect(row.getByRole("link", { name: "Add to list…" })).toHaveCount(0);

		await page.goto("/lists/new");
		await page.getByLabel("Name").fill("Row picks");
		await page.getByRole("button", { name: "Create list" }).click();
		await expect(page).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
		const listPath = new URL(page.url()).pathname;

		await page.goto(url);
		const mediaId = await row.getAttribute("data-media-id");
		const title = (await row.locator("td").first().textContent()) ?? "";
		// The row holds a link, not a picker: no list is named in it until it is asked for.
		await expect(row.locator("select[name=listId]")).toHaveCount(0);
		await row.getByRole("link", { name: "Add to list…" }).click();
		const posted = page.waitForResponse(
			(r) => new URL(r.url()).pathname === `/catalog/${mediaId}` && r.request().method() === "POST",
		);
		if (javaScript) {
			// The picker opens in place, with the list choice focused; the row and the address stay.
			const picker = row.locator(".add-to-list");
			await expect(picker).toHaveAttribute("open", "");
			const choice = picker.getByLabel("List", { exact: true });
			await expect(choice).toBeFocused();
			await choice.selectOption({ label: "Row picks" });
			await picker.getByRole("button", { name: "Add", exact: true }).click();
			expect((await posted).status()).toBeLessThan(400);
			await expect(picker.getByRole("status")).toHaveText("Added to Row picks.");
			await expect(page).toHaveURL(/\/catalog\?class=video\.film&sort=year&dir=asc$/);
			await expect(page.locator(".catalog-table tbody tr").first()).toHaveAttribute("data-media-id", mediaId ?? "");
		} else {
			// The link leads to the work page with its picker open and in view.
			await expect(page).toHaveURL(new RegExp(`/catalog/${mediaId}\\?addToList=1#add-to-list$`));
			const picker = page.locator("#add-to-list");
			await expect(picker).toHaveAttribute("open", "");
			await picker.getByLabel("List", { exact: true }).selectOption({ label: "Row picks" });
			await picker.getByRole("button", { name: "Add", exact: true }).click();
			expect((await posted).status()).toBe(302);
			await expect(page).toHaveURL(new RegExp(`/catalog/${mediaId}$`));
			await expect(page.locator(".work-lists .in-lists")).toContainText("Row picks");
		}

		await page.goto(listPath);
		await expect(page.locator(".list-items .item-title")).toHaveText([title]);
	});

	test("signed out, Add leads to sign-in and back", async ({ page }, testInfo) => {
		const account = newAccount(testInfo.project.name);
		await registerThroughForm(page, account);
		await signOut(page);
		await page.goto("/catalog?type=album");
		await page.locator(".catalog-table tbody tr").first().getByRole("link", { name: "Add" }).click();
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcatalog%3Ftype%3Dalbum/);
		await page.getByLabel("Email or username").fill(account.email);
		await page.getByLabel("Password").fill(account.password);
		await page.getByRole("button", { name: "Sign in" }).click();
		await expect(page).toHaveURL(/\/catalog\?type=album$/);
		await expect(page.locator(".catalog-table tbody tr").first().getByRole("button", { name: "Add" })).toBeVisible();
	});

	test("the work page shows the franchise across media types", async ({ page }) => {
		await page.goto("/catalog?q=dune%20part%20two");
		await page.locator(".catalog-table tbody tr").first().getByRole("link").first().click();
		await expect(page.locator("h1")).toHaveText("Dune: Part Two");
		await expect(page.locator(".breadcrumbs")).toContainText("Dune");
		const types = new Set(await page.locator(".franchise-works tbody tr td:nth-child(2)").allTextContents());
		expect(types.size).toBeGreaterThanOrEqual(3);
		await page.locator(".creators").getByRole("link").first().click();
		await expect(page).toHaveURL(/creator=Denis/);
		await expect(page.locator(".filter-status")).toHaveText("1 filter");
	});
});
