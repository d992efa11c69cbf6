import { chooseTheme, expect, test } from "./fixtures";

test.describe("page shell", () => {
	test("home renders intro, welcome with catalog counts, and a donate button", async ({ page }) => {
		await page.goto("/");
		await expect(page.locator("body")).toHaveAttribute("data-page", "home");
		await expect(page.locator(".intro h1")).toContainText("in one list");
		await expect(page.locator(".welcome")).toContainText(/holds \d{3,} works across 11 media types/);
		await expect(page.locator(".donate")).toBeVisible();
		await expect(page.locator("header .logo-light")).toBeVisible();
		await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
	});

	test("the nav marks the current section", async ({ page }) => {
		await page.goto("/");
		await expect(page.locator(".nav ul li.active")).toHaveText("Home");
		await page.locator(".nav").getByRole("link", { name: "Catalog" }).click();
		await expect(page).toHaveURL(/\/catalog$/);
		await expect(page.locator(".nav ul li.active")).toHaveText("Catalog");
		await expect(page.locator(".nav ul li.active")).toHaveCount(1);
		await expect(page.locator("body")).toHaveAttribute("data-page", "catalog");
		await expect(page.locator(".catalog-table tbody tr").first()).toBeVisible();
		await page.locator(".media-type-buttons").getByRole("link", { name: /Manga/ }).click();
		await expect(page).toHaveURL(/class=written\.comics\.manga/);
		await expect(page.locator(".media-type-buttons a.active")).toContainText("Manga");
		await expect(page.locator(".nav ul li.active")).toHaveText("Catalog");
	});

	test("the theme toggle switches and persists across reloads", async ({ page }) => {
		await page.goto("/catalog?type=book");
		const body = page.locator("body");
		await expect(body).toHaveAttribute("data-theme", "system");

		await chooseTheme(page, "Dark");
		await expect(body).toHaveAttribute("data-theme", "dark");
		await expect(page).toHaveURL(/\/catalog\?type=book$/);
		await expect(page.locator("header .logo-dark")).toBeVisible();
		await expect(page.locator("header .logo-light")).toBeHidden();
		await expect(page.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");

		await page.reload();
		await expect(body).toHaveAttribute("data-theme", "dark");
		await page.goto("/");
		await expect(body).toHaveAttribute("data-theme", "dark");

		await chooseTheme(page, "Light");
		await expect(body).toHaveAttribute("data-theme", "light");
		await page.reload();
		await expect(body).toHaveAttribute("data-theme", "light");
		await expect(page.locator("header .logo-light")).toBeVisible();

		await chooseTheme(page, "System");
		await expect(body).toHaveAttribute("data-theme", "system");
	});

	test("the system theme follows the operating system's colour scheme", async ({ page }) => {
		await page.emulateMedia({ colorScheme: "dark" });
		await page.goto("/");
		await expect(page.locator("header .logo-dark")).toBeVisible();
		await page.emulateMedia({ colorScheme: "light" });
		await expect(page.locator("header .logo-light")).toBeVisible();
	});

	test("an unknown address shows a 404 inside the shell", async ({ page }) => {
		const response = await page.goto("/no-such-page");
		expect(response?.status()).toBe(404);
		await expect(page.locator("h1")).toHaveText("Page not found");
		await expect(page.locator(".nav")).toBeVisible();
	});
});

test.describe("HTTP contracts", () => {
	test("an unknown theme is a 400 with a message", async ({ request, baseURL }) => {
		const response = await request.post("/theme", {
			form: { theme: "sepia", redirectTo: "/" },
			headers: { Origin: baseURL ?? "" },
			maxRedirects: 0,
		});
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain("Choose a theme: light, dark or system.");
	});

	test("a cross-origin post is refused", async ({ request }) => {
		const response = await request.post("/theme", {
			form: { theme: "dark" },
			headers: { Origin: "https://evil.example" },
			maxRedirects: 0,
		});
		expect(response.status()).toBe(403);
	});

	test("/healthz answers 200 with the database reachable", async ({ request }) => {
		const response = await request.get("/healthz");
		expect(response.status()).toBe(200);
		expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
		expect(response.headers()["x-request-id"]).toBeTruthy();
	});
});
