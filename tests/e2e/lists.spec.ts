import { expect, newAccount, registerThroughForm, test } from "./fixtures";

test("my list (partial): a work added from the catalog is listed, edited inline and removed", async ({
	page,
}, testInfo) => {
	await registerThroughForm(page, newAccount(testInfo.project.name));
	await page.goto("/catalog?q=fellowship%20of%20the%20ring&type=book");
	const row = page.locator(".catalog-table tbody tr").first();
	await expect(row).toContainText("The Fellowship of the Ring");
	const added = page.waitForResponse(
		(r) => new URL(r.url()).pathname === "/catalog" && r.request().method() === "POST",
	);
	await row.getByRole("button", { name: "Add" }).click();
	await added;

	await page.goto("/lists");
	const entry = page.locator(".entries-table tbody tr").first();
	await expect(entry).toContainText("The Fellowship of the Ring");
	await expect(entry.locator(".entry-status")).toHaveText("Planning");
	await expect(page.locator(".list-summary")).toContainText("Planning 1");

	await entry.getByLabel("Status").selectOption("completed");
	await entry.getByLabel("Rating").fill("9");
	const saved = page.waitForResponse((r) => new URL(r.url()).pathname === "/lists" && r.request().method() === "POST");
	await entry.getByRole("button", { name: "Save" }).click();
	await saved;
	await expect(entry.locator(".entry-status")).toHaveText("Completed");
	await expect(entry.locator(".entry-rating")).toHaveText("9");
	await expect(entry.getByLabel("Progress")).not.toHaveValue("0");

	await entry.getByRole("button", { name: "Remove" }).click();
	await expect(page.locator(".entries-table")).toHaveCount(0);
	await expect(page.locator(".empty")).toContainText("Nothing here yet");
});
