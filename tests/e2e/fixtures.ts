import { test as base, expect, type Locator, type Page } from "@playwright/test";

/**
 * Every page fails its test on a console error or an uncaught exception (a CSP violation,
 * a hydration mismatch, a crashed handler).
 */
export const test = base.extend<{ failOnConsoleErrors: undefined }>({
	// With JavaScript on, a navigation is ready once React has hydrated the page (root sets
	// data-hydrated); typing into a page before that races the enhancement.
	page: async ({ page, javaScriptEnabled }, use) => {
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		const hydrated = async () => {
			if (javaScriptEnabled) await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
		};
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await hydrated();
			return response;
		};
		page.reload = async (options) => {
			const response = await reload(options);
			await hydrated();
			return response;
		};
		await use(page);
	},
	// Each test browses from its own client address, as if through a reverse proxy on loopback
	// (the server trusts X-Forwarded-For only from loopback), so per-address limits apply per test.
	extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
		const n = testInfo.workerIndex * 1000 + testInfo.testId.length + Math.floor(Math.random() * 900);
		await use({ ...extraHTTPHeaders, "X-Forwarded-For": `198.51.${Math.floor(n / 250) % 250}.${(n % 250) + 1}` });
	},
	failOnConsoleErrors: [
		async ({ page }, use) => {
			const problems: string[] = [];
			page.on("console", (message) => {
				if (message.type() !== "error") return;
				const text = message.text();
				// Expected answers to bad input show up as failed resources; they are asserted by the tests themselves.
				if (/Failed to load resource: the server responded with a status of (400|401|404|429)/.test(text)) return;
				problems.push(text);
			});
			page.on("pageerror", (error) => problems.push(error.message));
			await use(undefined);
			expect(problems, "console errors on the page").toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };

/** The test OpenID Provider Playwright starts next to the app (playwright.config.ts). */
export const oidcIssuer = `http://localhost:${process.env.E2E_OIDC_PORT ?? 3211}`;

/** A name unique to this test run and project, usable as a username. */
export function uniqueName(prefix: string, projectName: string): string {
	return `${prefix}_${projectName.replace(/\W/g, "_")}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export type Account = { username: string; displayName: string; email: string; password: string };

export function newAccount(projectName: string): Account {
	const username = uniqueName("e2e", projectName);
	return {
		username,
		displayName: `Tester ${username.slice(-6)}`,
		email: `${username}@example.test`,
		password: "a long enough passphrase",
	};
}

export async function registerThroughForm(page: Page, account: Account) {
	await page.goto("/register");
	await page.getByLabel("Username").fill(account.username);
	await page.getByLabel("Display name").fill(account.displayName);
	await page.getByLabel("Email").fill(account.email);
	await page.getByLabel("Password", { exact: true }).fill(account.password);
	await page.getByLabel("Confirm password").fill(account.password);
	await page.getByLabel("I accept the terms").check();
	await page.getByRole("button", { name: "Create account" }).click();
	await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
}

export async function signInThroughForm(page: Page, identifier: string, password: string) {
	await page.goto("/login");
	await page.getByLabel("Email or username").fill(identifier);
	await page.getByLabel("Password").fill(password);
	await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
	await page.locator(".nav").getByRole("button", { name: "Sign out" }).click();
	await expect(page.locator(".nav").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** Clicks a theme button and waits for the server to answer, so the cookie is set before a reload. */
export async function chooseTheme(page: Page, name: "Light" | "Dark" | "System") {
	const answered = page.waitForResponse(
		(response) => new URL(response.url()).pathname === "/theme" && response.request().method() === "POST",
	);
	await page.getByRole("button", { name }).click();
	await answered;
}

/**
 * Opens the editor of a row of my list: "Edit" toggles it in place with JavaScript and opens it
 * through the address (?edit=<mediaId>) without.
 */
export async function openEntryEditor(row: Locator) {
	await row.getByRole("link", { name: "Edit", exact: true }).click();
	await expect(row.getByLabel("Status")).toBeVisible();
}
