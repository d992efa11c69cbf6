import type { Page } from "@playwright/test";
import { stableId } from "../../db/seed/ids";
import { expect, newAccount, registerThroughForm, signInThroughForm, signOut, test } from "./fixtures";

// Each project reviews its own work: both run against the same database, one after the other.
const works = {
	js: { id: stableId("movie-seven-samurai-1954"), title: "Seven Samurai" },
	"no-js": { id: stableId("movie-my-neighbor-totoro-1988"), title: "My Neighbor Totoro" },
} as const;

/** The work's row in the catalog sorted by community rating, and whether the rating column runs high to low. */
async function ratingSortedCatalog(page: Page, title: string) {
	await page.goto("/catalog?sort=rating&ratingMin=1");
	const header = page.locator(".catalog-table thead th");
	await expect(header.filter({ hasText: "Community rating" })).toHaveAttribute("aria-sort", "descending");
	const column = (await header.allTextContents()).findIndex((text) => text.includes("Community rating"));
	const ratings = await page.locator(`.catalog-table tbody tr td:nth-child(${column + 1})`).allTextContents();
	const values = ratings.map((text) => Number.parseInt(text, 10));
	expect([...values].sort((a, b) => b - a)).toEqual(values);
	return page.locator(".catalog-table tbody tr", { hasText: title });
}

test("reviews: a spoiler review is hidden from readers, marked helpful, edited and deleted; counts and community rating follow", async ({
	page,
}, testInfo) => {
	const work = works[testInfo.project.name as keyof typeof works];
	const workUrl = `/catalog/${work.id}`;
	const author = newAccount(testInfo.project.name);
	await registerThroughForm(page, author);

	await page.goto(workUrl);
	await expect(page.locator(".reviews-count")).toHaveText("(0)");
	await expect(page.locator(".community-rating")).toHaveText("No ratings yet");
	await page.getByLabel("Write a review").fill("The **ending** hit hard.\n\nSee https://example.com/notes for more.");
	await page.getByLabel(/^Rating/).fill("10");
	await page.getByLabel("Contains spoilers").check();
	await page.getByRole("button", { name: "Post review" }).click();
	await expect(page.locator(".reviews-count")).toHaveText("(1)");
	await expect(page.locator(".community-rating")).toHaveText("10.0 / 10 from 1");
	await expect(page.getByLabel("Your review")).toHaveValue(/hit hard/);

	await page.goto("/reviews");
	const row = page.locator(".reviews-table tbody tr", { hasText: work.title });
	await expect(row.locator(".review-spoiler")).toHaveText("Spoilers");
	await expect(row.locator(".review-excerpt")).toContainText("The ending hit hard.");
	await signOut(page);

	const reader = newAccount(testInfo.project.name);
	await registerThroughForm(page, reader);
	await page.goto(workUrl);
	const review = page.locator("article.review", { hasText: author.displayName });
	const spoiler = review.locator("details.spoiler");
	await expect(spoiler).not.toHaveAttribute("open", "");
	await expect(review.locator(".review-body")).toBeHidden();
	await spoiler.locator("summary").click();
	await expect(review.locator(".review-body strong")).toHaveText("ending");
	await expect(review.locator(".review-body a")).toHaveAttribute("rel", "nofollow ugc noopener");
	await review.getByRole("button", { name: /Helpful/ }).click();
	await expect(review.getByRole("button", { name: /Marked helpful/ })).toContainText("(1)");
	await page.reload();
	await expect(review.getByRole("button", { name: /Marked helpful/ })).toHaveAttribute("aria-pressed", "true");
	await signOut(page);

	await signInThroughForm(page, author.username, author.password);
	await expect(page.locator(".signed-in-as")).toHaveText(author.displayName);
	await page.goto(workUrl);
	await expect(page.locator("article.review .helpful-total")).toHaveText("1 person found this helpful");
	await page.getByLabel("Your review").fill("On a second look, *quieter* than I remembered.");
	await page.getByLabel(/^Rating/).fill("6");
	await page.getByLabel("Contains spoilers").uncheck();
	await page.getByRole("button", { name: "Save review" }).click();
	await expect(page.locator(".community-rating")).toHaveText("6.0 / 10 from 1");
	const edited = page.locator("article.review", { hasText: author.displayName });
	await expect(edited.locator("details.spoiler")).toHaveCount(0);
	await expect(edited.locator(".review-body em")).toHaveText("quieter");

	const catalogRow = await ratingSortedCatalog(page, work.title);
	await expect(catalogRow).toContainText("60 (1)");

	await page.goto(workUrl);
	await page.getByRole("button", { name: "Delete review" }).click();
	await expect(page.locator(".reviews-count")).toHaveText("(0)");
	await expect(page.locator(".community-rating")).toHaveText("No ratings yet");
	await expect(page.getByLabel("Write a review")).toHaveValue("");
	await page.goto("/reviews");
	await expect(page.locator(".reviews-table")).toHaveCount(0);
	await expect(page.locator(".empty")).toContainText("No reviews match");
});

test("my reviews: filters by spoilers with the controls bar and links to the work", async ({ page }, testInfo) => {
	const work = works[testInfo.project.name as keyof typeof works];
	await registerThroughForm(page, newAccount(testInfo.project.name));
	await page.goto(`/catalog/${work.id}`);
	await page.getByLabel("Write a review").fill("Short and calm.");
	await page.getByRole("button", { name: "Post review" }).click();
	await expect(page.locator(".reviews-count")).not.toHaveText("(0)");

	await page.goto("/reviews");
	await expect(page.locator(".reviews-table tbody tr")).toHaveCount(1);
	await page.locator(".filter-dropdown summary").click();
	await page.locator(".filter-menu").getByLabel("Has spoilers").check();
	if (testInfo.project.name !== "js") await page.locator(".filter-menu").getByRole("button", { name: "Apply" }).click();
	await expect(page).toHaveURL(/spoiler=yes/);
	await expect(page.locator(".filter-status")).toHaveText("1 filter");
	await expect(page.locator(".reviews-table")).toHaveCount(0);
	await page.getByRole("link", { name: "Clear filter" }).click();
	// With JavaScript the filter menu stays open over the table after applying; close it.
	if (await page.locator(".filter-dropdown").evaluate((d) => (d as HTMLDetailsElement).open))
		await page.locator(".filter-dropdown summary").click();
	await page.locator(".reviews-table tbody tr").getByRole("link", { name: work.title }).click();
	await expect(page).toHaveURL(new RegExp(`/catalog/${work.id}`));
	await page.getByRole("button", { name: "Delete review" }).click();
	await expect(page.getByLabel("Write a review")).toBeVisible();
});
