import { chooseTheme, expect, newAccount, registerThroughForm, signInThroughForm, signOut, test } from "./fixtures";

test.describe("accounts", () => {
	test("register → signed in → sign out → sign in", async ({ page }, testInfo) => {
		const account = newAccount(testInfo.project.name);
		await page.goto("/register");
		await page.getByLabel("Username").fill(account.username);
		await page.getByLabel("Display name").fill(account.displayName);
		await page.getByLabel("Email").fill(account.email);
		await page.getByLabel("Password", { exact: true }).fill(account.password);
		await page.getByLabel("Confirm password").fill(account.password);
		await page.getByLabel("Country (optional)").selectOption("JP");
		await page.getByLabel("Date of birth (optional)").fill("1991-03-14");
		await page.getByLabel("Anime").check();
		await page.getByLabel("Visual novels").check();
		await page.getByLabel("5 stars").check();
		await page.getByLabel("I accept the terms").check();
		await page.getByRole("button", { name: "Create account" }).click();

		await expect(page).toHaveURL(/\/$/);
		await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
		await expect(page.locator(".nav").getByRole("button", { name: "Sign out" })).toBeVisible();

		await signOut(page);
		await expect(page.locator(".signed-in-as")).toHaveCount(0);

		await signInThroughForm(page, account.username, account.password);
		await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
	});

	test("signing in returns to the page that asked for it", async ({ page }, testInfo) => {
		const account = newAccount(testInfo.project.name);
		await registerThroughForm(page, account);
		await signOut(page);
		await page.goto("/settings/security");
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings%2Fsecurity/);
		await page.getByLabel("Email or username").fill(account.email);
		await page.getByLabel("Password").fill(account.password);
		await page.getByRole("button", { name: "Sign in" }).click();
		await expect(page).toHaveURL(/\/settings\/security$/);
		await expect(page.locator(".session-row")).toHaveCount(1);
	});

	test("a wrong password is refused with one message for every failure", async ({ page }, testInfo) => {
		const account = newAccount(testInfo.project.name);
		await registerThroughForm(page, account);
		await signOut(page);
		await signInThroughForm(page, account.email, "not the right one");
		await expect(page.locator(".form-errors")).toHaveText(
			"That email or username and password do not match an account.",
		);
		await expect(page.getByLabel("Password")).toHaveValue("");
		await signInThroughForm(page, "nobody-here@example.test", "not the right one");
		await expect(page.locator(".form-errors")).toHaveText(
			"That email or username and password do not match an account.",
		);
	});

	test("each invalid field of the register form shows its message, keeping values but not the password", async ({
		page,
	}) => {
		await page.goto("/register");
		await page.getByLabel("Username").fill("a!");
		await page.getByLabel("Email").fill("not-an-email");
		await page.getByLabel("Password", { exact: true }).fill("short");
		await page.getByLabel("Confirm password").fill("different");
		const tooYoung = new Date(Date.now() - 5 * 365 * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel("Date of birth (optional)").fill(tooYoung);
		await page.getByRole("button", { name: "Create account" }).click();

		const form = page.locator(".register-form");
		await expect(form.locator(".row.one")).toContainText("Use only letters, digits and underscores.");
		await expect(form.locator(".row.one")).toContainText("Enter the name others will see.");
		await expect(form.locator(".row.two")).toContainText("Enter a valid email address.");
		await expect(form.locator(".row.three")).toContainText("Use at least 10 characters.");
		await expect(form.locator(".row.three")).toContainText("The passwords do not match.");
		await expect(form.locator(".row.four")).toContainText("You must be at least 13 years old.");
		await expect(form.locator(".row.six")).toContainText("You must accept the terms to create an account.");
		await expect(page.getByLabel("Username")).toHaveValue("a!");
		await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
		await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
	});

	test("a taken username and email are reported on their fields", async ({ page, browser }, testInfo) => {
		const first = newAccount(testInfo.project.name);
		const other = await browser.newContext();
		await registerThroughForm(await other.newPage(), first);
		await other.close();

		await page.goto("/register");
		await page.getByLabel("Username").fill(first.username.toUpperCase());
		await page.getByLabel("Display name").fill("Someone else");
		await page.getByLabel("Email").fill(first.email);
		await page.getByLabel("Password", { exact: true }).fill("another long passphrase");
		await page.getByLabel("Confirm password").fill("another long passphrase");
		await page.getByLabel("I accept the terms").check();
		await page.getByRole("button", { name: "Create account" }).click();
		const form = page.locator(".register-form");
		await expect(form.locator(".row.one")).toContainText("That username is taken.");
		await expect(form.locator(".row.two")).toContainText("An account with that email already exists.");
		await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
		await expect(page.getByLabel("Display name")).toHaveValue("Someone else");
	});

	test("the password field shows a strength hint", async ({ page }, testInfo) => {
		await page.goto("/register");
		await expect(page.locator(".password-strength")).toContainText("At least 10 characters");
		await page.getByLabel("Password", { exact: true }).fill("Tr0ub4dor&3 horse battery");
		if (testInfo.project.name === "js")
			await expect(page.locator(".password-strength")).toContainText("Strength: Very strong");
	});
});

test("a person's saved theme applies when they sign in", async ({ page }, testInfo) => {
	const account = newAccount(testInfo.project.name);
	await registerThroughForm(page, account);
	await chooseTheme(page, "Dark");
	await expect(page.locator("body")).toHaveAttribute("data-theme", "dark");
	await signOut(page);
	await chooseTheme(page, "Light");
	await expect(page.locator("body")).toHaveAttribute("data-theme", "light");
	await signInThroughForm(page, account.email, account.password);
	await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
	await expect(page.locator("body")).toHaveAttribute("data-theme", "dark");
});
