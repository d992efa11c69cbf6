import { createHash, randomBytes } from "node:crypto";
import { type AppLoadContext, redirect, type Session } from "@remix-run/node";
import { and, desc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { serializeTheme } from "~/lib/theme.server";
import { findAccountByEmail, linkIdentity } from "~/models/identities.server";
import { perRequest } from "~/request-scope.server";
import { getDb } from "../../db/client.server";
import { preferences, sessions, users } from "../../db/schema";
import { type AuthFlowData, getAuthFlowStorage, getSessionCookie } from "./cookies.server";
import { recordLoginEvent } from "./events.server";
import { clientOf } from "./request.server";

const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export type SignedInUser = {
	id: string;
	sessionId: string;
	username: string;
	displayName: string;
	email: string;
	theme: "light" | "dark" | "system";
	ratingScale: 5 | 10 | 100;
	defaultColumns: string[] | null;
	/** "sort:dir" of the person's saved catalog view, e.g. "year:desc". */
	defaultSort: string | null;
};

/**
 * The signed-in person of this request, from the session cookie; null when signed out or expired.
 * Loaders of one request share one lookup for the cookie they carry (the root's and the page's).
 */
export function getUser(request: Request): Promise<SignedInUser | null> {
	// An action may change the person (preferences, sign-in): only the loaders that follow share a lookup.
	if (request.method !== "GET" && request.method !== "HEAD") return lookUpUser(request);
	const cookie = request.headers.get("Cookie") ?? "";
	return perRequest(`user:${cookie}`, () => lookUpUser(request));
}

async function lookUpUser(request: Request): Promise<SignedInUser | null> {
	const token = await getSessionCookie().parse(request.headers.get("Cookie"));
	if (typeof token !== "string" || token.length < 20) return null;
	const [row] = await getDb()
		.select({
			id: users.id,
			sessionId: sessions.id,
			lastSeenAt: sessions.lastSeenAt,
			username: users.username,
			displayName: users.displayName,
			email: users.email,
			theme: preferences.theme,
			ratingScale: preferences.ratingScale,
			defaultColumns: preferences.defaultColumns,
			defaultSort: preferences.defaultSort,
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(preferences, eq(preferences.userId, users.id))
		.where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, sql`now()`)))
		.limit(1);
	if (!row) return null;
	if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
		await getDb().update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, row.sessionId));
	}
	const { lastSeenAt: _seen, ...user } = row;
	return { ...user, theme: user.theme ?? "system", ratingScale: user.ratingScale ?? 10 };
}

/** The signed-in person, or a redirect to sign in that comes back here. */
export async function requireUser(request: Request): Promise<SignedInUser> {
	const user = await getUser(request);
	if (user) return user;
	const url = new URL(request.url);
	const back = `${url.pathname}${url.search}`;
	throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
}

/**
 * Starts a session after every sign-in step has passed: stores the token's hash, logs the event,
 * applies the person's theme, and redirects.
 */
export async function startSession({
	userId,
	method,
	request,
	context,
	redirectTo,
	flow,
}: {
	userId: string;
	method: string;
	request: Request;
	context?: AppLoadContext;
	redirectTo: string;
	/** The sign-in flow cookie's session when the caller changed it; committed with the response. */
	flow?: Session<AuthFlowData>;
}): Promise<Response> {
	const headers = new Headers();
	const token = randomBytes(32).toString("base64url");
	const { ip, userAgent } = clientOf(request, context);
	const db = getDb();
	await db.insert(sessions).values({
		tokenHash: hashToken(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
		ip,
		userAgent,
	});
	await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
	await recordLoginEvent({ kind: "signin_success", method, userId, ip, userAgent });
	const [prefs] = await db.select({ theme: preferences.theme }).from(preferences).where(eq(preferences.userId, userId));
	headers.append("Set-Cookie", await getSessionCookie().serialize(token));
	const flowCookie = await settleFlow({ userId, method, request, flow, ip, userAgent });
	if (flowCookie) headers.append("Set-Cookie", flowCookie);
	if (prefs) headers.append("Set-Cookie", await serializeTheme(prefs.theme));
	return redirect(redirectTo, { headers });
}

/**
 * A provider identity waiting for its owner (same verified email) is linked now that the person
 * proved, with their password, that the account is theirs. Returns the flow cookie to set, if any.
 */
async function settleFlow({
	userId,
	method,
	request,
	flow,
	ip,
	userAgent,
}: {
	userId: string;
	method: string;
	request: Request;
	flow?: Session<AuthFlowData>;
	ip: string | null;
	userAgent: string | null;
}): Promise<string | null> {
	const storage = getAuthFlowStorage();
	const session = flow ?? (await storage.getSession(request.headers.get("Cookie")));
	const pending = session.get("linkIdentity");
	let changed = Boolean(flow);
	if (pending && method.startsWith("password")) {
		const { label: _label, ...identity } = pending;
		// Only the account the identity's verified email belongs to can claim it.
		const owner = identity.email ? await findAccountByEmail(identity.email) : null;
		if (owner?.id === userId && (await linkIdentity({ userId, ...identity }))) {
			await recordLoginEvent({ kind: "identity_linked", method: `oidc:${identity.provider}`, userId, ip, userAgent });
		}
		session.unset("linkIdentity");
		changed = true;
	}
	return changed ? storage.commitSession(session) : null;
}

/** Ends this browser's session (sign out). */
export async function endSession(request: Request, context?: AppLoadContext): Promise<Headers> {
	const user = await getUser(request);
	if (user) {
		await getDb()
			.delete(sessions)
			.where(and(eq(sessions.id, user.sessionId), eq(sessions.userId, user.id)));
		const { ip, userAgent } = clientOf(request, context);
		await recordLoginEvent({ kind: "signout", method: "session", userId: user.id, ip, userAgent });
	}
	return new Headers({ "Set-Cookie": await getSessionCookie().serialize("", { maxAge: 0 }) });
}

export async function listSessions({ userId }: { userId: string }) {
	return getDb()
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			expiresAt: sessions.expiresAt,
			userAgent: sessions.userAgent,
			ip: sessions.ip,
		})
		.from(sessions)
		.where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
		.orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the person's sessions; false when the id is not theirs. */
export async function revokeSession({ userId, sessionId }: { userId: string; sessionId: string }): Promise<boolean> {
	const ended = await getDb()
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
		.returning({ id: sessions.id });
	return ended.length > 0;
}

export async function revokeOtherSessions({ userId, keepSessionId }: { userId: string; keepSessionId: string }) {
	const ended = await getDb()
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
		.returning({ id: sessions.id });
	return ended.length;
}
