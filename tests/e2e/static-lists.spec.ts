import { stableId } from "../../db/seed/ids";
import { expect, newAccount, registerThroughForm, signOut, test } from "./fixtures";

const dune = { id: stableId("movie-dune-2021"), title: "Dune", type: "Films" };
const fellowship = {
	id: stableId("book-the-fellowship-of-the-ring-1954"),
	title: "The Fellowship of the Ring",
	type: "Books",
};
const witcher = { id: stableId("game-the-witcher-3-wild-hunt-2015"), title: "The Witcher 3: Wild Hunt", type: "Games" };

test("a static list: created, filled from work pages, reordered, trimmed, shared read-only", async ({
	page,
	context,
}, testInfo) => {
	const javaScript = testInfo.project.name === "js";
	const account = newAccount(testInfo.project.name);
	await registerThroughForm(page, account);

	await page.goto("/lists/new");
	await page.getByLabel("Name").fill("Weekend picks");
	await page.getByLabel("Description").fill("Three kinds of story.");
	await page.getByRole("button", { name: "Create list" }).click();
	await expect(page).toHaveURL(/\/lists\/[0-9a-f-]{36}$/);
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekend picks");
	await expect(page.locator(".list-visibility")).toContainText("Private");
	const listPath = new URL(page.url()).pathname;

	for (const work of [dune, fellowship, witcher]) {
		await page.goto(`/catalog/${work.id}`);
		const lists = page.locator(".work-lists");
		await lists.getByText("Add to list…").click();
		await lists.getByLabel("List", { exact: true }).selectOption({ label: "Weekend picks" });
		await lists.getByRole("button", { name: "Add", exact: true }).click();
		await expect(lists.locator(".in-lists")).toContainText("Weekend picks");
	}

	await page.goto(listPath);
	const titles = page.locator(".list-items .item-title");
	const rows = page.locator(".list-items tbody tr");
	await expect(titles).toHaveText([dune.title, fellowship.title, witcher.title]);
	await expect(page.locator(".list-items .item-type")).toHaveText([dune.type, fellowship.type, witcher.type]);

	await rows.nth(2).getByRole("button", { name: "Move up" }).click();
	await expect(titles).toHaveText([dune.title, witcher.title, fellowship.title]);
	let expected = [witcher.title, fellowship.title];
	if (javaScript) {
		// Dragging a row onto another posts the same move; the new order shows at once, and is kept once the
		// post has been answered.
		const moved = page.waitForResponse(
			(r) => r.request().method() === "POST" && new URL(r.url()).pathname === listPath,
		);
		await rows.nth(2).dragTo(rows.nth(0));
		await expect(titles).toHaveText([fellowship.title, dune.title, witcher.title]);
		await moved;
		await page.reload();
		await expect(titles).toHaveText([fellowship.title, dune.title, witcher.title]);
		expected = [fellowship.title, witcher.title];
	}

	await rows.filter({ hasText: dune.title }).getByRole("button", { name: "Remove" }).click();
	await expect(titles).toHaveText(expected);
	await expect(page.locator(".list-items .item-position")).toHaveText(["1", "2"]);

	await page.locator(".edit-list summary").click();
	await page.getByLabel("Visibility").selectOption("public");
	await page.getByRole("button", { name: "Save", exact: true }).click();
	await expect(page.locator(".list-visibility")).toContainText("Public");
	const shareLink = page.getByLabel("Share link");
	await expect(shareLink).toHaveValue(new RegExp(`^http://[^/]+${listPath}\\?by=${account.username}$`));
	const shareUrl = await shareLink.inputValue();
	if (javaScript) {
		await context.grantPermissions(["clipboard-read", "clipboard-write"]);
		await page.getByRole("button", { name: "Copy" }).click();
		await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shareUrl);
	}

	await signOut(page);
	await page.goto(shareUrl);
	await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekend picks");
	await expect(page.getByText(`A list by ${account.displayName}`)).toBeVisible();
	await expect(page.locator(".list-description")).toHaveText("Three kinds of story.");
	await expect(titles).toHaveText(expected);
	await expect(page.locator("main form")).toHaveCount(0);
	await expect(page.getByRole("button", { name: /Move|Remove|Delete/ })).toHaveCount(0);
	await expect(page.getByLabel("Share link")).toHaveCount(0);

	// Without the owner in the link the list is the owner's page, which asks a visitor to sign in.
	await page.goto(listPath);
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
