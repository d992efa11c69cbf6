import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { getSessionSecret } from "~/env.server";

const secure = () => process.env.NODE_ENV === "production";

let sessionCookie: ReturnType<typeof createCookie> | undefined;

/** The sign-in cookie: a random token (only its hash is stored), signed, HttpOnly, SameSite=Lax. */
export function getSessionCookie() {
	sessionCookie ??= createCookie("omt_session", {
		path: "/",
		httpOnly: true,
		sameSite: "lax",
		secure: secure(),
		secrets: [getSessionSecret()],
		maxAge: 60 * 60 * 24 * 30,
	});
	return sessionCookie;
}

export type AuthFlowData = {
	pendingTwoFactor?: { userId: string; method: string; redirectTo: string; expiresAt: number };
	oidc?: { provider: string; state: string; nonce: string; codeVerifier: string; redirectTo: string };
	linkIdentity?: { provider: string; subject: string; email: string | null; emailVerified: boolean };
};

let flowStorage: ReturnType<typeof createCookieSessionStorage<AuthFlowData>> | undefined;

/** Short-lived signed cookie for the steps between "who are you" and a real session (2FA, OIDC). */
export function getAuthFlowStorage() {
	flowStorage ??= createCookieSessionStorage<AuthFlowData>({
		cookie: {
			name: "omt_auth",
			path: "/",
			httpOnly: true,
			sameSite: "lax",
			secure: secure(),
			secrets: [getSessionSecret()],
			maxAge: 60 * 10,
		},
	});
	return flowStorage;
}
