import type { Page } from "@playwright/test";
import { stepAt, totpCode } from "../../app/auth/totp.server";
import { expect, newAccount, registerThroughForm, signInThroughForm, signOut, test } from "./fixtures";

async function enterCode(page: Page, code: string) {
	await page.getByLabel("Code").fill(code);
	await page.getByRole("button", { name: "Verify" }).click();
}

test("two-factor: enrol, then every sign-in needs a code; recovery codes work once; wrong codes are refused and rate-limited", async ({
	page,
}, testInfo) => {
	const account = newAccount(testInfo.project.name);
	await registerThroughForm(page, account);

	await page.goto("/settings/two-factor");
	await expect(page.locator(".two-factor-status")).toContainText("Off");
	await page.getByRole("button", { name: "Set up two-factor" }).click();
	await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
	const secret = (await page.locator(".manual-key").textContent())?.replace(/\s/g, "") ?? "";
	expect(secret).toMatch(/^[A-Z2-7]{32}$/);
	const enrolStep = stepAt(Date.now());
	await page.getByLabel("Code from your app").fill(totpCode(secret, enrolStep));
	await page.getByRole("button", { name: "Turn on" }).click();
	await expect(page.locator(".recovery-code")).toHaveCount(10);
	const recoveryCodes = await page.locator(".recovery-code").allTextContents();

	await signOut(page);
	await signInThroughForm(page, account.email, account.password);
	await expect(page).toHaveURL(/\/login\/two-factor$/);
	await expect(page.locator(".signed-in-as")).toHaveCount(0);
	await enterCode(page, "000000");
	await expect(page.locator(".two-factor-form")).toContainText("That code is not valid.");
	// The enrolment code may not be replayed; the following step's code is accepted (one step of drift).
	await enterCode(page, totpCode(secret, enrolStep + 1));
	await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);

	await signOut(page);
	await signInThroughForm(page, account.username, account.password);
	await enterCode(page, recoveryCodes[0]);
	await expect(page.locator(".signed-in-as")).toHaveText(account.displayName);
	await page.goto("/settings/two-factor");
	await expect(page.locator(".two-factor-status")).toContainText("9 recovery codes left");

	await signOut(page);
	await signInThroughForm(page, account.username, account.password);
	await enterCode(page, recoveryCodes[0]);
	await expect(page.locator(".two-factor-form")).toContainText("That code is not valid.");
	for (let attempt = 0; attempt < 3; attempt++) await enterCode(page, "111111");
	// Five failures so far (000000, the reused recovery code, three more): the next is refused outright.
	await enterCode(page, totpCode(secret, stepAt(Date.now()) + 1));
	await expect(page.locator(".two-factor-form")).toContainText("Too many attempts.");
	await expect(page.locator(".signed-in-as")).toHaveCount(0);
});
