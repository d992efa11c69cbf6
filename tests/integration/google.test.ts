import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as startLoader } from "~/routes/auth.$provider";
import { loader as callbackLoader } from "~/routes/auth.$provider_.callback";
import { action as completeAction } from "~/routes/register_.complete";
import { callRoute, cookiesFrom } from "./helpers";

// Google's endpoints cannot be reached from here: only they are intercepted, everything else is real.
const googleHosts = new Set(["oauth2.googleapis.com", "www.googleapis.com", "openidconnect.googleapis.com"]);
const realFetch = globalThis.fetch;
const seen: { url: string; body: string; authorization: string | null }[] = [];

beforeAll(() => {
	vi.stubEnv("GOOGLE_CLIENT_ID", "google-client-id");
	vi.stubEnv("GOOGLE_CLIENT_SECRET", "google-client-secret");
	globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		if (!googleHosts.has(url.hostname)) return realFetch(input, init);
		const headers = new Headers(init?.headers);
		seen.push({
			url: url.href,
			body: init?.body ? String(init.body) : "",
			authorization: headers.get("authorization"),
		});
		if (url.hostname === "oauth2.googleapis.com" && url.pathname === "/token") {
			const body = new URLSearchParams(String(init?.body));
			if (body.get("code") !== "good-code") return Response.json({ error: "invalid_grant" }, { status: 400 });
			return Response.json({
				access_token: "google-access-token",
				token_type: "Bearer",
				expires_in: 3599,
				scope: "openid email profile",
				id_token: "unused",
			});
		}
		if (headers.get("authorization") !== "Bearer google-access-token")
			return new Response("unauthorized", { status: 401 });
		return Response.json({
			sub: "google-sub-1",
			name: "Gee Person",
			given_name: "Gee",
			family_name: "Person",
			picture: "https://example.test/p.png",
			email: "Gee.Person@example.test",
			email_verified: true,
			locale: "en",
		});
	}) as typeof fetch;
});

afterAll(() => {
	globalThis.fetch = realFetch;
	vi.unstubAllEnvs();
});

async function startGoogleSignIn() {
	const start = await callRoute(startLoader, {
		url: "http://localhost/auth/google?redirectTo=/catalog",
		params: { provider: "google" },
	});
	expect(start.status).toBe(302);
	const target = new URL(start.location ?? "");
	return { target, cookie: cookiesFrom(start) };
}

describe("Google sign-in (remix-auth-google)", () => {
	it("redirects to Google with the client id, callback URL, scopes and a state", async () => {
		const { target } = await startGoogleSignIn();
		expect(target.origin).toBe("https://accounts.google.com");
		expect(target.searchParams.get("client_id")).toBe("google-client-id");
		expect(target.searchParams.get("redirect_uri")).toBe("http://localhost/auth/google/callback");
		expect(target.searchParams.get("scope")).toContain("email");
		expect(target.searchParams.get("state")?.length).toBeGreaterThan(10);
	});

	it("a first sign-in asks for a username, creates the account; the next one signs straight in", async () => {
		const { target, cookie } = await startGoogleSignIn();
		const callback = await callRoute(callbackLoader, {
			url: `http://localhost/auth/google/callback?code=good-code&state=${target.searchParams.get("state")}`,
			params: { provider: "google" },
			cookie,
		});
		expect(callback.status).toBe(302);
		expect(callback.location).toBe("/register/complete");
		const token = seen.find((call) => call.url === "https://oauth2.googleapis.com/token");
		expect(new URLSearchParams(token?.body).get("redirect_uri")).toBe("http://localhost/auth/google/callback");

		const created = await callRoute(completeAction, {
			url: "http://localhost/register/complete",
			cookie: cookiesFrom(callback, cookie),
			form: { username: "gee_person", displayName: "Gee Person", email: "gee.person@example.test", acceptTerms: "on" },
		});
		expect(created.status).toBe(302);
		expect(created.location).toBe("/catalog");
		const signedIn = cookiesFrom(created, cookiesFrom(callback, cookie));
		const root = await callRoute(rootLoader, { cookie: signedIn });
		expect(root.body).toMatchObject({ user: { username: "gee_person" } });

		const again = await startGoogleSignIn();
		const second = await callRoute(callbackLoader, {
			url: `http://localhost/auth/google/callback?code=good-code&state=${again.target.searchParams.get("state")}`,
			params: { provider: "google" },
			cookie: again.cookie,
		});
		expect(second.status).toBe(302);
		expect(second.location).toBe("/catalog");
		expect(cookiesFrom(second)).toMatch(/omt_session=/);
	});

	it("a forged state or a refused code sends back to /login with a message, signing no one in", async () => {
		const { target, cookie } = await startGoogleSignIn();
		const forged = await callRoute(callbackLoader, {
			url: "http://localhost/auth/google/callback?code=good-code&state=forged",
			params: { provider: "google" },
			cookie,
		});
		expect(forged.location).toBe("/login");
		expect(cookiesFrom(forged)).not.toMatch(/omt_session=/);
		const refused = await callRoute(callbackLoader, {
			url: `http://localhost/auth/google/callback?code=bad-code&state=${target.searchParams.get("state")}`,
			params: { provider: "google" },
			cookie,
		});
		expect(refused.location).toBe("/login");
		expect(cookiesFrom(refused)).not.toMatch(/omt_session=/);
	});

	it("an unknown provider is a 404", async () => {
		const result = await callRoute(startLoader, { url: "http://localhost/auth/nope", params: { provider: "nope" } });
		expect(result.status).toBe(404);
	});
});
