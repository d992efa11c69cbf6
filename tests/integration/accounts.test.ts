import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stepAt, totpCode } from "~/auth/totp.server";
import { beginEnrolment, confirmEnrolment } from "~/models/two-factor.server";
import { hasTwoFactor } from "~/models/users.server";
import { loader as rootLoader } from "~/root";
import { action as loginAction } from "~/routes/login";
import { action as twoFactorAction } from "~/routes/login_.two-factor";
import { action as logoutAction } from "~/routes/logout";
import { action as registerAction } from "~/routes/register";
import { action as securityAction, loader as securityLoader } from "~/routes/settings.security";
import { action as twoFactorSettingsAction } from "~/routes/settings.two-factor";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

async function register(overrides: Record<string, string | string[]> = {}) {
	const person = newPerson(overrides);
	const result = await callRoute(registerAction, { method: "POST", form: person, url: "http://localhost/register" });
	return { person, result, cookie: cookiesFrom(result) };
}

async function signIn(identifier: string, password: string, ip = "198.51.100.1") {
	const result = await callRoute(loginAction, {
		form: { email: identifier, password, redirectTo: "/catalog" },
		url: "http://localhost/login",
		ip,
	});
	return { result, cookie: cookiesFrom(result) };
}

async function eventsOf(userId: string) {
	return queryRows<{ event: string; method: string }>(sql`
		select event, method from auth.login_events where user_id = ${userId} order by id`);
}

async function userIdOf(username: string) {
	const [row] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${username}`);
	return row.id;
}

describe("registration", () => {
	it("creates the account with its preferences, signs in and records both events", async () => {
		const { person, result, cookie } = await register({ country: "PL", birthDate: "1990-05-17" });
		expect(result.status).toBe(302);
		expect(result.location).toBe("/");
		expect(cookie).toMatch(/omt_session=/);
		const root = await callRoute(rootLoader, { cookie });
		expect(root.body).toMatchObject({ user: { displayName: person.displayName, username: person.username } });
		const [row] = await queryRows<Record<string, unknown>>(sql`
			select u.country, u.birth_date::text as birth_date, u.password_hash like '$argon2id$%' as argon2,
			       p.media_types, p.rating_scale, s.locale
			from users.users u join users.preferences p on p.user_id = u.id join users.settings s on s.user_id = u.id
			where u.username = ${person.username}`);
		expect(row).toEqual({
			country: "PL",
			birth_date: "1990-05-17",
			argon2: true,
			media_types: ["book", "anime"],
			rating_scale: 100,
			locale: "en",
		});
		const events = await eventsOf(await userIdOf(person.username));
		expect(events.map((e) => e.event)).toEqual(["register", "signin_success"]);
	});

	it("reports a taken username and email on their fields, keeping the other values but never the password", async () => {
		const { person } = await register();
		const again = await callRoute(registerAction, {
			form: newPerson({ username: person.username.toUpperCase(), email: person.email.toUpperCase() }),
			url: "http://localhost/register",
		});
		expect(again.status).toBe(400);
		const reply = again.body as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
		expect(reply.error.username).toEqual(["That username is taken."]);
		expect(reply.error.email).toEqual(["An account with that email already exists."]);
		expect(reply.initialValue.displayName).toMatch(/^Person/);
		expect(reply.initialValue.password).toBeUndefined();
		expect(reply.initialValue.confirmPassword).toBeUndefined();
	});
});

describe("password sign-in", () => {
	it("signs in by email or username, honouring only local redirects", async () => {
		const { person } = await register();
		for (const identifier of [person.email, person.username]) {
			const { result, cookie } = await signIn(identifier, person.password);
			expect(result.status).toBe(302);
			expect(result.location).toBe("/catalog");
			expect(cookie).toMatch(/omt_session=/);
		}
		const offsite = await callRoute(loginAction, {
			form: { email: person.email, password: person.password, redirectTo: "https://evil.example/" },
			url: "http://localhost/login",
		});
		expect(offsite.location).toBe("/");
	});

	it("gives the same answer for an unknown account and a wrong password", async () => {
		const { person } = await register();
		const wrong = await signIn(person.email, "not the password");
		const unknown = await signIn("nobody@example.test", "whatever it is");
		expect(wrong.result.status).toBe(401);
		expect(unknown.result.status).toBe(401);
		expect((wrong.result.body as { error: unknown }).error).toEqual((unknown.result.body as { error: unknown }).error);
		expect(wrong.cookie).not.toMatch(/omt_session/);
	});

	it("refuses the 6th failed sign-in within the window with 429 and Retry-After, and logs each attempt", async () => {
		const { person } = await register();
		for (let attempt = 1; attempt <= 5; attempt++) {
			const { result } = await signIn(person.email, `wrong password ${attempt}`, `192.0.2.${attempt}`);
			expect(result.status).toBe(401);
		}
		const sixth = await signIn(person.email, person.password, "192.0.2.99");
		expect(sixth.result.status).toBe(429);
		expect(Number(sixth.result.headers.get("Retry-After"))).toBeGreaterThan(0);
		expect(JSON.stringify(sixth.result.body)).toContain("Too many attempts");
		const failures = await queryRows<{ n: number }>(sql`
			select count(*)::int as n from auth.login_events where identifier = ${person.email} and event = 'signin_failure'`);
		expect(failures[0].n).toBe(5);
		const limited = await queryRows<{ n: number }>(sql`
			select count(*)::int as n from auth.login_events where identifier = ${person.email} and event = 'signin_rate_limited'`);
		expect(limited[0].n).toBe(1);
	});
});

describe("sessions", () => {
	it("ending a session from /settings/security signs that browser out", async () => {
		const { person, cookie: first } = await register();
		const { cookie: second } = await signIn(person.username, person.password);
		const page = await callRoute(securityLoader, { cookie: first, url: "http://localhost/settings/security" });
		const sessions = (page.body as { sessions: { id: string; current: boolean }[] }).sessions;
		expect(sessions).toHaveLength(2);
		const other = sessions.find((s) => !s.current);
		const ended = await callRoute(securityAction, {
			cookie: first,
			form: { intent: "end-session", sessionId: other?.id ?? "" },
			url: "http://localhost/settings/security",
		});
		expect(ended.status).toBe(302);
		const secondBrowser = await callRoute(securityLoader, {
			cookie: second,
			url: "http://localhost/settings/security",
		});
		expect(secondBrowser.status).toBe(302);
		expect(secondBrowser.location).toMatch(/^\/login\?redirectTo=%2Fsettings%2Fsecurity/);
		const firstBrowser = await callRoute(rootLoader, { cookie: first });
		expect((firstBrowser.body as { user: unknown }).user).not.toBeNull();
		const events = await eventsOf(await userIdOf(person.username));
		expect(events.map((e) => e.event)).toContain("session_revoked");
	});

	it("another person's session id is a 404 and stays signed in", async () => {
		const alice = await register();
		const bob = await register();
		const bobsPage = await callRoute(securityLoader, { cookie: bob.cookie, url: "http://localhost/settings/security" });
		const bobsSession = (bobsPage.body as { sessions: { id: string }[] }).sessions[0].id;
		const attempt = await callRoute(securityAction, {
			cookie: alice.cookie,
			form: { intent: "end-session", sessionId: bobsSession },
			url: "http://localhost/settings/security",
		});
		expect(attempt.status).toBe(404);
		const stillIn = await callRoute(rootLoader, { cookie: bob.cookie });
		expect((stillIn.body as { user: unknown }).user).not.toBeNull();
	});

	it("signing out deletes the session and logs it", async () => {
		const { person, cookie } = await register();
		const out = await callRoute(logoutAction, { cookie, form: {}, url: "http://localhost/logout" });
		expect(out.status).toBe(302);
		const after = await callRoute(rootLoader, { cookie });
		expect((after.body as { user: unknown }).user).toBeNull();
		const events = await eventsOf(await userIdOf(person.username));
		expect(events.at(-1)?.event).toBe("signout");
	});
});

describe("two-factor sign-in", () => {
	async function personWithTwoFactor() {
		const { person } = await register();
		const userId = await userIdOf(person.username);
		const secret = (await beginEnrolment({ userId })) ?? "";
		const codes = await confirmEnrolment({ userId, code: totpCode(secret, stepAt(Date.now())) });
		return { person, userId, secret, codes: codes ?? [] };
	}

	it("asks for a code after the password, and a TOTP code or a recovery code (once) completes it", async () => {
		const { person, userId, secret, codes } = await personWithTwoFactor();
		expect(codes).toHaveLength(10);
		const first = await signIn(person.email, person.password);
		expect(first.result.status).toBe(302);
		expect(first.result.location).toBe("/login/two-factor");
		expect(first.cookie).not.toMatch(/omt_session/);

		const wrong = await callRoute(twoFactorAction, { cookie: first.cookie, form: { code: "000000" } });
		expect(wrong.status).toBe(401);

		// The code used at enrolment cannot be replayed; the next step's code works.
		const next = totpCode(secret, stepAt(Date.now()) + 1);
		const ok = await callRoute(twoFactorAction, { cookie: first.cookie, form: { code: next } });
		expect(ok.status).toBe(302);
		expect(ok.location).toBe("/catalog");
		expect(cookiesFrom(ok, first.cookie)).toMatch(/omt_session=/);

		const again = await signIn(person.email, person.password);
		const recovery = await callRoute(twoFactorAction, { cookie: again.cookie, form: { code: codes[0].toUpperCase() } });
		expect(recovery.status).toBe(302);
		const third = await signIn(person.email, person.password);
		const reused = await callRoute(twoFactorAction, { cookie: third.cookie, form: { code: codes[0] } });
		expect(reused.status).toBe(401);

		const events = (await eventsOf(userId)).map((e) => e.event);
		expect(events).toEqual(
			expect.arrayContaining(["2fa_challenge", "2fa_failure", "2fa_success", "recovery_code_used"]),
		);
	});

	it("rate-limits wrong codes: the 6th attempt is a 429", async () => {
		const { person } = await personWithTwoFactor();
		const { cookie } = await signIn(person.email, person.password);
		for (let attempt = 0; attempt < 5; attempt++) {
			const wrong = await callRoute(twoFactorAction, {
				cookie,
				form: { code: "123456" },
				ip: `192.0.2.${attempt + 10}`,
			});
			expect(wrong.status).toBe(401);
		}
		const sixth = await callRoute(twoFactorAction, { cookie, form: { code: "123456" }, ip: "192.0.2.50" });
		expect(sixth.status).toBe(429);
		expect(sixth.headers.get("Retry-After")).toBeTruthy();
	});

	it("turning two-factor off needs a valid, unspent code", async () => {
		const { person, secret, codes } = await personWithTwoFactor();
		const first = await signIn(person.email, person.password);
		const usedCode = totpCode(secret, stepAt(Date.now()) + 1);
		const signedIn = await callRoute(twoFactorAction, { cookie: first.cookie, form: { code: usedCode } });
		const cookie = cookiesFrom(signedIn, first.cookie);
		const userId = await userIdOf(person.username);
		const attempts: Record<string, string>[] = [
			{ intent: "disable", code: "000000" },
			{ intent: "disable" },
			{ intent: "disable", code: usedCode },
		];
		for (const form of attempts) {
			const refused = await callRoute(twoFactorSettingsAction, { cookie, form });
			expect(refused.status).toBe(400);
			expect(await hasTwoFactor(userId)).toBe(true);
		}
		const off = await callRoute(twoFactorSettingsAction, { cookie, form: { intent: "disable", code: codes[3] } });
		expect(off.status).toBe(302);
		expect(await hasTwoFactor(userId)).toBe(false);
		const events = (await eventsOf(userId)).map((e) => e.event);
		expect(events).toContain("2fa_disabled");
	});

	it("without a pending sign-in the code step sends back to /login", async () => {
		const result = await callRoute(twoFactorAction, { form: { code: "123456" } });
		expect(result.status).toBe(302);
		expect(result.location).toBe("/login");
	});
});
