import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getAuthFlowStorage } from "~/auth/cookies.server";
import { stepAt, totpCode } from "~/auth/totp.server";
import { beginEnrolment, confirmEnrolment } from "~/models/two-factor.server";
import { action as catalogAction } from "~/routes/catalog._index";
import { action as workAction } from "~/routes/catalog.$mediaId";
import { action as listAction } from "~/routes/lists._index";
import { action as staticListAction } from "~/routes/lists.$listId";
import { action as newListAction } from "~/routes/lists.new";
import { action as loginAction } from "~/routes/login";
import { action as twoFactorAction } from "~/routes/login_.two-factor";
import { action as logoutAction } from "~/routes/logout";
import { action as registerAction } from "~/routes/register";
import { action as completeAction } from "~/routes/register_.complete";
import { action as reviewsAction } from "~/routes/reviews._index";
import { action as securityAction } from "~/routes/settings.security";
import { action as twoFactorSettingsAction } from "~/routes/settings.two-factor";
import { action as themeAction } from "~/routes/theme";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

const hostile = [
	"",
	" ",
	"x".repeat(10_000),
	"<script>alert(1)</script>",
	'"><img src=x onerror=alert(1)>',
	"javascript:alert(1)",
	"'; DROP TABLE users.users; --",
	"' OR '1'='1",
	"\u0000",
	"a\u0000b",
	"\u202Eevil\u202C",
	"😀".repeat(300),
	"Ωmega ñandú 東京",
	"../../etc/passwd",
	'{"$gt": ""}',
	"null",
	"-1",
	"1e309",
	"NaN",
	"2024-02-30",
	"00000000-0000-0000-0000-000000000000",
];

type Fuzzable = {
	name: string;
	action: Parameters<typeof callRoute>[0];
	valid: () => Promise<Record<string, string | string[]>>;
	cookie?: () => Promise<string>;
	/** Route params. Read, like `valid`, after `cookie` ran: list forms post to that person's own list. */
	params?: () => Record<string, string>;
	/** Forms with no input to reject (sign-out) only ever redirect. */
	onlyRedirects?: boolean;
};

const allowed = [200, 302, 400, 401, 404, 429];

/** Every field: missing, each hostile value, and repeated; plus a form of nothing but hostile values. */
function variants(valid: Record<string, string | string[]>) {
	const out: Record<string, string | string[]>[] = [{}];
	for (const field of Object.keys(valid)) {
		const { [field]: _dropped, ...rest } = valid;
		out.push(rest);
		for (const value of hostile) out.push({ ...valid, [field]: value });
		out.push({ ...valid, [field]: ["a", "b", "<b>"] });
	}
	for (const value of hostile) out.push(Object.fromEntries(Object.keys(valid).map((key) => [key, value])));
	return out;
}

async function signedInCookie(): Promise<string> {
	const result = await callRoute(registerAction, { form: newPerson() });
	return cookiesFrom(result);
}

async function pendingTwoFactorCookie(): Promise<string> {
	const person = newPerson();
	await callRoute(registerAction, { form: person });
	const [row] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${person.username}`);
	const secret = (await beginEnrolment({ userId: row.id })) ?? "";
	await confirmEnrolment({ userId: row.id, code: totpCode(secret, stepAt(Date.now())) });
	const login = await callRoute(loginAction, { form: { email: person.email, password: person.password } });
	return cookiesFrom(login);
}

/** A sign-in flow cookie holding a provider identity that has no account yet. */
async function newIdentityCookie(): Promise<string> {
	const storage = getAuthFlowStorage();
	const flow = await storage.getSession();
	flow.set("newIdentity", {
		provider: "testid",
		subject: `fuzz-${Math.random()}`,
		email: null,
		emailVerified: false,
		name: null,
		redirectTo: "/",
	});
	return (await storage.commitSession(flow)).split(";")[0];
}

const dune = stableId("movie-dune-2021");

let fuzzListId = "";

/** A signed-in person with one static list holding Dune (its id in fuzzListId). */
async function cookieWithList(): Promise<string> {
	const cookie = await signedInCookie();
	const created = await callRoute(newListAction, { cookie, form: { intent: "create", name: "Fuzz" } });
	const listId = created.location?.split("/").at(-1) ?? "";
	await callRoute(staticListAction, { cookie, params: { listId }, form: { intent: "add-item", mediaId: dune } });
	fuzzListId = listId;
	return cookie;
}

/** A signed-in person with one smart list (its id in fuzzListId). */
async function cookieWithSmartList(): Promise<string> {
	const cookie = await signedInCookie();
	const created = await callRoute(newListAction, {
		cookie,
		form: { intent: "create-smart", name: "Fuzz", visibility: "private", scope: "catalog", type: "book" },
	});
	fuzzListId = created.location?.split("/").at(-1) ?? "";
	return cookie;
}

async function cookieWithEntry(): Promise<string> {
	const cookie = await signedInCookie();
	const [work] = await queryRows<{ id: string }>(sql`select id from media.media order by title limit 1`);
	await callRoute(catalogAction, { cookie, form: { intent: "add", mediaId: work.id, status: "planning" } });
	return cookie;
}

let fuzzReviewId = "";

/** A signed-in person whose review of Dune exists (its id in fuzzReviewId), plus another person's review to mark. */
async function cookieWithReview(): Promise<string> {
	const other = await signedInCookie();
	await callRoute(workAction, {
		cookie: other,
		params: { mediaId: dune },
		form: { intent: "review-save", body: "Someone else's review" },
	});
	const [row] = await queryRows<{ id: string }>(sql`
		select r.id from interaction.reviews r where r.media_id = ${dune} order by r.created_at desc limit 1`);
	fuzzReviewId = row.id;
	const cookie = await signedInCookie();
	await callRoute(workAction, { cookie, params: { mediaId: dune }, form: { intent: "review-save", body: "Mine" } });
	return cookie;
}

const forms: Fuzzable[] = [
	{
		name: "work page: review save",
		action: workAction,
		valid: async () => ({
			intent: "review-save",
			body: "Good *film*.",
			rating: "8",
			spoiler: "on",
			returnTo: "/catalog",
		}),
		cookie: signedInCookie,
		params: () => ({ mediaId: dune }),
	},
	{
		name: "work page: review delete",
		action: workAction,
		valid: async () => ({ intent: "review-delete", reviewId: fuzzReviewId, returnTo: "/reviews" }),
		cookie: cookieWithReview,
		params: () => ({ mediaId: dune }),
	},
	{
		name: "work page: review helpful",
		action: workAction,
		valid: async () => ({ intent: "review-helpful", reviewId: fuzzReviewId, returnTo: "/catalog" }),
		cookie: cookieWithReview,
		params: () => ({ mediaId: dune }),
	},
	{
		name: "my reviews: review save",
		action: reviewsAction,
		valid: async () => ({ intent: "review-save", mediaId: dune, body: "Long **sand**.", rating: "3", spoiler: "on" }),
		cookie: signedInCookie,
	},
	{
		name: "my reviews: review delete",
		action: reviewsAction,
		valid: async () => ({ intent: "review-delete", mediaId: dune, returnTo: "/reviews?sort=rating" }),
		cookie: cookieWithReview,
	},
	{
		name: "catalog: add",
		action: catalogAction,
		valid: async () => ({ intent: "add", mediaId: dune, status: "planning", returnTo: "/catalog?type=movie" }),
		cookie: signedInCookie,
	},
	{
		name: "catalog: save view",
		action: catalogAction,
		valid: async () => ({ intent: "save-view", cols: "title,year", sort: "year", dir: "asc", returnTo: "/catalog" }),
		cookie: signedInCookie,
	},
	{
		name: "my list: update",
		action: listAction,
		valid: async () => {
			const [work] = await queryRows<{ id: string }>(sql`select id from media.media order by title limit 1`);
			return {
				intent: "update",
				mediaId: work.id,
				status: "in_progress",
				progress: "1",
				rating: "7",
				returnTo: "/lists",
			};
		},
		cookie: cookieWithEntry,
	},
	{
		name: "new list: create",
		action: newListAction,
		valid: async () => ({ intent: "create", name: "Fuzzed", description: "Some words", visibility: "public" }),
		cookie: signedInCookie,
	},
	{
		name: "list: rename",
		action: staticListAction,
		valid: async () => ({ intent: "rename", name: "Renamed", description: "Other words", visibility: "private" }),
		cookie: cookieWithList,
		params: () => ({ listId: fuzzListId }),
	},
	{
		name: "list: add item",
		action: staticListAction,
		valid: async () => ({
			intent: "add-item",
			mediaId: stableId("book-the-fellowship-of-the-ring-1954"),
			returnTo: "/",
		}),
		cookie: cookieWithList,
		params: () => ({ listId: fuzzListId }),
	},
	{
		name: "list: move",
		action: staticListAction,
		valid: async () => ({ intent: "move", mediaId: dune, position: "1" }),
		cookie: cookieWithList,
		params: () => ({ listId: fuzzListId }),
	},
	{
		name: "my list: bulk",
		action: listAction,
		valid: async () => {
			const [work] = await queryRows<{ id: string }>(sql`select id from media.media order by title limit 1`);
			return { intent: "bulk", mediaId: work.id, operation: "status", bulkStatus: "paused", returnTo: "/lists" };
		},
		cookie: cookieWithEntry,
	},
	{
		name: "new list: create smart",
		action: newListAction,
		valid: async () => ({
			intent: "create-smart",
			name: "Smart",
			visibility: "private",
			scope: "lists",
			status: "completed",
			ratingMin: "70",
		}),
		cookie: signedInCookie,
	},
	{
		name: "smart list: update filters",
		action: staticListAction,
		valid: async () => ({ intent: "update-filters", scope: "catalog", type: "movie", yearFrom: "1990" }),
		cookie: cookieWithSmartList,
		params: () => ({ listId: fuzzListId }),
	},
	{
		name: "work page: add to list",
		action: workAction,
		valid: async () => ({ intent: "add-to-list", listId: fuzzListId, mediaId: dune, returnTo: "/catalog" }),
		cookie: cookieWithList,
		params: () => ({ mediaId: dune }),
	},
	{
		name: "register after a provider sign-in",
		action: completeAction,
		valid: async () => ({
			username: "fuzzy_person",
			displayName: "Fuzzy",
			email: "fuzzy@example.test",
			acceptTerms: "on",
		}),
		cookie: newIdentityCookie,
	},
	{
		name: "security: unlink",
		action: securityAction,
		valid: async () => ({ intent: "unlink", provider: "testid" }),
		cookie: signedInCookie,
	},
	{
		name: "register",
		action: registerAction,
		valid: async () => newPerson({ country: "JP", birthDate: "1988-04-01" }),
	},
	{
		name: "login",
		action: loginAction,
		valid: async () => ({ email: "someone@example.test", password: "a password", redirectTo: "/" }),
	},
	{
		name: "login second step",
		action: twoFactorAction,
		valid: async () => ({ code: "123456" }),
		cookie: pendingTwoFactorCookie,
	},
	{ name: "theme", action: themeAction, valid: async () => ({ theme: "dark", redirectTo: "/catalog" }) },
	{
		name: "logout",
		action: logoutAction,
		valid: async () => ({ intent: "logout" }),
		cookie: signedInCookie,
		onlyRedirects: true,
	},
	{
		name: "security: end session",
		action: securityAction,
		valid: async () => ({ intent: "end-session", sessionId: "7d9f0a52-5b8e-4d7c-9a34-0c1f5e2b6a11" }),
		cookie: signedInCookie,
	},
	{
		name: "security: change password",
		action: securityAction,
		valid: async () => ({
			intent: "change-password",
			currentPassword: "x",
			password: "a new long password",
			confirmPassword: "a new long password",
		}),
		cookie: signedInCookie,
	},
	{
		name: "two-factor settings",
		action: twoFactorSettingsAction,
		valid: async () => ({ intent: "confirm", code: "123456" }),
		cookie: signedInCookie,
	},
];

describe("every form under hostile input", () => {
	for (const form of forms) {
		it(`${form.name}: answers 400/401/404/429 or a clean redirect, never a 500`, async () => {
			const cookie = form.cookie ? await form.cookie() : undefined;
			const valid = await form.valid();
			const seen = new Set<number>();
			for (const fields of variants(valid)) {
				const result = await callRoute(form.action, { form: fields, cookie, params: form.params?.() });
				expect(allowed, `${form.name} ${JSON.stringify(fields).slice(0, 200)} → ${result.status}`).toContain(
					result.status,
				);
				if (result.status === 302) expect(result.location).toMatch(/^\/(?!\/)/);
				seen.add(result.status);
			}
			if (form.onlyRedirects) expect([...seen]).toEqual([302]);
			else expect([...seen].some((status) => status >= 400)).toBe(true);
		});
	}
});
