import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3211);
const oidcIssuer = `http://localhost:${oidcPort}`;

// Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); elsewhere Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

// The app under test runs on a fresh embedded database unless DATABASE_URL names a server.
// Set once in the main process; workers inherit it.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "omt-e2e-"));

export default defineConfig({
	testDir: "tests/e2e",
	timeout: 30_000,
	expect: { timeout: 5_000 },
	// One browser at a time: the app under test answers from one database connection (PGlite) or a small
	// pool, so a second browser would mostly queue, and one at a time keeps failures easy to read.
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? "line" : "list",
	use: {
		baseURL,
		trace: "retain-on-failure",
		launchOptions: {
			executablePath,
			args: [
				"--disable-gpu",
				"--disable-quic",
				"--no-first-run",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
			],
		},
	},
	projects: [
		{ name: "js", use: { browserName: "chromium", javaScriptEnabled: true } },
		{ name: "no-js", use: { browserName: "chromium", javaScriptEnabled: false } },
	],
	webServer: [
		{
			// A real OpenID Provider on localhost (tests/fixtures/oidc-server.ts) for sign-in through OIDC.
			command: "tsx tests/fixtures/oidc-server.ts",
			url: `${oidcIssuer}/.well-known/openid-configuration`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: "ignore",
			stderr: "ignore",
			env: { E2E_OIDC_PORT: String(oidcPort), E2E_APP_ORIGIN: baseURL },
		},
		{
			command: "tsx server.ts",
			url: `${baseURL}/healthz`,
			reuseExistingServer: false,
			timeout: 120_000,
			stdout: "ignore",
			stderr: "pipe",
			env: {
				NODE_ENV: "production",
				PORT: String(port),
				HOST: "127.0.0.1",
				DATA_DIR: process.env.E2E_DATA_DIR,
				LOG_LEVEL: "warn",
				OIDC_TESTID_ISSUER: oidcIssuer,
				OIDC_TESTID_CLIENT_ID: "omt-e2e",
				OIDC_TESTID_CLIENT_SECRET: "omt-e2e-secret",
				OIDC_TESTID_LABEL: "Test ID",
				...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
			},
		},
	],
});
