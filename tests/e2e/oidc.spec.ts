import {
	expect,
	newAccount,
	oidcIssuer,
	registerThroughForm,
	signInThroughForm,
	signOut,
	test,
	uniqueName,
} from "./fixtures";

type ProviderAccount = { sub: string; email: string; emailVerified: boolean; name: string };

/** Adds a person to the test OpenID Provider; its login page then offers "Continue as <name>". */
async function addProviderAccount(account: ProviderAccount) {
	const response = await fetch(`${oidcIssuer}/__test/accounts`, {
		method: "POST",
		body: new URLSearchParams({ ...account, emailVerified: String(account.emailVerified) }),
	});
	expect(response.status).toBe(204);
}

test.describe("sign-in through OpenID Connect (a real provider on localhost)", () => {
	test("a new identity creates an account after choosing a username; the next sign-in reuses it", async ({
		page,
	}, testInfo) => {
		const name = uniqueName("oidc", testInfo.project.name);
		const person = {
			sub: `sub-${name}`,
			email: `${name}@oidc.example.test`,
			emailVerified: true,
			name: `OIDC ${name.slice(-6)}`,
		};
		await addProviderAccount(person);

		await page.goto("/login");
		await page.getByRole("link", { name: "Continue with Test ID" }).click();
		await page.getByRole("button", { name: `Continue as ${person.name}` }).click();
		await expect(page).toHaveURL(/\/register\/complete$/);
		await expect(page.getByLabel("Email")).toHaveValue(person.email);
		await expect(page.getByLabel("Display name")).toHaveValue(person.name);
		await page.getByLabel("Username", { exact: true }).fill(name);
		await page.getByLabel("I accept the terms").check();
		await page.getByRole("button", { name: "Create account" }).click();
		await expect(page.locator(".signed-in-as")).toHaveText(person.name);

		await signOut(page);
		await page.goto("/login");
		await page.getByRole("link", { name: "Continue with Test ID" }).click();
		await page.getByRole("button", { name: `Continue as ${person.name}` }).click();
		await expect(page.locator(".signed-in-as")).toHaveText(person.name);
		await page.goto("/settings/security");
		await expect(page.locator(".identities")).toContainText("Test ID");
	});

	test("an identity whose email matches an account links only after signing in to that account", async ({
		page,
	}, testInfo) => {
		const account = newAccount(testInfo.project.name);
		await registerThroughForm(page, account);
		await signOut(page);
		const person = {
			sub: `sub-${account.username}`,
			email: account.email,
			emailVerified: true,
			name: `Same ${account.username.slice(-6)}`,
		};
		await addProviderAccount(person);

		await page.goto("/login");
		await page.getByRole("link", { name: "Continue with Test ID" }).click();
		await page.getByRole("button", { name: `Continue as ${person.name}` }).click();
		// Not signed in yet: the provider's word about the email is not enough to enter the account.
		await expect(page).toHaveURL(/\/login\?link=testid/);
		await expect(page.locator(".link-notice")).toContainText("Sign in to it to link Test ID");
		await expect(page.locator(".signed-in-as")).toHaveCount(0);

		await page.getByLabel("Email or username").fill(account.email);
		await page.getByLabel("Password").fill(account.password);
		await page.getByRole("button", { name: "Sign in" }).click();
		await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
		await page.goto("/settings/security");
		await expect(page.locator(".identities")).toContainText("Test ID");

		// From now on the identity alone signs in to that account.
		await signOut(page);
		await page.goto("/login");
		await page.getByRole("link", { name: "Continue with Test ID" }).click();
		await page.getByRole("button", { name: `Continue as ${person.name}` }).click();
		await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
	});

	test("a cancelled sign-in at the provider comes back with a message", async ({ page }) => {
		await page.goto("/login");
		await page.getByRole("link", { name: "Continue with Test ID" }).click();
		await page.getByRole("button", { name: "Cancel sign-in" }).click();
		await expect(page).toHaveURL(/\/login$/);
		await expect(page.locator(".form-errors")).toContainText("Test ID sign-in was cancelled.");
	});

	test("a linked identity can be unlinked, but never the last way to sign in", async ({ page }, testInfo) => {
		const name = uniqueName("only", testInfo.project.name);
		const person = {
			sub: `sub-${name}`,
			email: `${name}@oidc.example.test`,
			emailVerified: true,
			name: `Only ${name.slice(-6)}`,
		};
		await addProviderAccount(person);
		await page.goto("/login");
		await page.getByRole("link", { name: "Continue with Test ID" }).click();
		await page.getByRole("button", { name: `Continue as ${person.name}` }).click();
		await page.getByLabel("Username", { exact: true }).fill(name);
		await page.getByLabel("I accept the terms").check();
		await page.getByRole("button", { name: "Create account" }).click();
		await expect(page.locator(".signed-in-as")).toHaveText(person.name);

		await page.goto("/settings/security");
		await page.locator(".identities").getByRole("button", { name: "Unlink" }).click();
		await expect(page.locator(".identities")).toContainText("it is your only way to sign in");
		await expect(page.locator(".identities")).toContainText("Test ID");

		await page.getByLabel("New password", { exact: true }).fill("a password of my own");
		await page.getByLabel("Repeat new password").fill("a password of my own");
		await page.getByRole("button", { name: "Save password" }).click();
		await expect(page).toHaveURL(/changed=password/);
		await page.locator(".identities").getByRole("button", { name: "Unlink" }).click();
		await expect(page.locator(".identities")).not.toContainText("Unlink");
		await signOut(page);
		await signInThroughForm(page, name, "a password of my own");
		await expect(page.locator(".signed-in-as")).toHaveText(person.name);
	});
});
