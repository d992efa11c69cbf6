import { Authenticator, AuthorizationError } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { GoogleStrategy } from "remix-auth-google";
import { findAccountForSignIn } from "~/models/users.server";
import { getAuthFlowStorage } from "./cookies.server";
import { type ExternalIdentity, OidcStrategy } from "./oidc-strategy.server";
import { verifyPassword } from "./password.server";
import { getProviders } from "./providers.server";

export type SignInResult = { userId: string; twoFactor: boolean };

/** One message for an unknown account and a wrong password, so neither can be told apart. */
export const SIGN_IN_FAILED = "That email or username and password do not match an account.";

let authenticator: Authenticator<SignInResult> | undefined;

export function getAuthenticator(): Authenticator<SignInResult> {
	if (authenticator) return authenticator;
	authenticator = new Authenticator<SignInResult>(getAuthFlowStorage(), { throwOnError: true });
	authenticator.use(
		new FormStrategy(async ({ form }) => {
			const identifier = String(form.get("email") ?? "").trim();
			const password = String(form.get("password") ?? "");
			const account = identifier ? await findAccountForSignIn(identifier) : null;
			const matches = await verifyPassword(password, account?.passwordHash);
			if (!account || !matches) throw new AuthorizationError(SIGN_IN_FAILED);
			return { userId: account.id, twoFactor: account.twoFactorEnabled };
		}),
		"password",
	);
	return authenticator;
}

let externalAuthenticator: Authenticator<ExternalIdentity> | undefined;

/**
 * Sign-in through other providers: Google (remix-auth-google) and any OpenID issuer (OidcStrategy),
 * each registered under its provider key, only when configured.
 */
export function getExternalAuthenticator(): Authenticator<ExternalIdentity> {
	if (externalAuthenticator) return externalAuthenticator;
	const authenticator = new Authenticator<ExternalIdentity>(getAuthFlowStorage(), { throwOnError: true });
	for (const provider of getProviders()) {
		if (provider.kind === "google") {
			authenticator.use(
				new GoogleStrategy<ExternalIdentity>(
					{ clientID: provider.clientId, clientSecret: provider.clientSecret, callbackURL: "/auth/google/callback" },
					async ({ profile }) => ({
						provider: "google",
						subject: profile.id,
						email: profile.emails?.[0]?.value?.toLowerCase() ?? null,
						emailVerified: profile._json?.email_verified === true,
						name: profile.displayName ?? null,
						// Filled in by the callback route from the flow cookie (remix-auth-oauth2 keeps only the state).
						redirectTo: "/",
						link: false,
					}),
				),
				"google",
			);
		} else {
			authenticator.use(new OidcStrategy(provider), provider.key);
		}
	}
	externalAuthenticator = authenticator;
	return authenticator;
}
