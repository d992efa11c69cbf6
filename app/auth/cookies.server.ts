import { createCookie, createCookieSessionStorage } from "@remix-run/node";
import { getSessionSecret } from "~/env.server";
import { getProviders } from "./providers.server";

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
	oidc?: { provider: string; state: string; nonce: string; codeVerifier: string; redirectTo: string; link: boolean };
	/** An identity waiting to be linked once its owner proves they own the matching account. */
	linkIdentity?: { provider: string; subject: string; email: string | null; emailVerified: boolean; label: string };
	/** A new identity with no account yet: the person picks a username first. */
	newIdentity?: {
		provider: string;
		subject: string;
		email: string | null;
		emailVerified: boolean;
		name: string | null;
		redirectTo: string;
	};
	/** Why the last provider sign-in failed, shown once on /login. */
	signInError?: string;
};

let flowStorage: ReturnType<typeof createCookieSessionStorage<AuthFlowData>> | undefined;

/**
 * Short-lived signed cookie for the steps between "who are you" and a real session (2FA, OIDC).
 * A provider that answers with a cross-site POST (form_post) needs it sent then: SameSite=None.
 */
export function getAuthFlowStorage() {
	const crossSitePost = getProviders().some(
		(provider) => provider.kind === "oidc" && provider.responseMode === "form_post",
	);
	flowStorage ??= createCookieSessionStorage<AuthFlowData>({
		cookie: {
			name: "omt_auth",
			path: "/",
			httpOnly: true,
			sameSite: crossSitePost ? "none" : "lax",
			secure: crossSitePost || secure(),
			secrets: [getSessionSecret()],
			maxAge: 60 * 10,
		},
	});
	return flowStorage;
}
