import { redirect, type SessionStorage } from "@remix-run/node";
import * as client from "openid-client";
import { type AuthenticateOptions, AuthorizationError, Strategy } from "remix-auth";
import { safeRedirectPath } from "~/lib/safe-redirect";
import type { AuthFlowData } from "./cookies.server";
import { type ProviderConfig, publicOrigin } from "./providers.server";

/** Who an OpenID provider says signed in, and where the person wanted to go. */
export type ExternalIdentity = {
	provider: string;
	subject: string;
	email: string | null;
	emailVerified: boolean;
	name: string | null;
	redirectTo: string;
	link: boolean;
};

type OidcConfig = Extract<ProviderConfig, { kind: "oidc" }>;

const discovered = new Map<string, Promise<client.Configuration>>();

function isLoopback(url: URL) {
	return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

function configurationOf(config: OidcConfig): Promise<client.Configuration> {
	let pending = discovered.get(config.key);
	if (!pending) {
		const issuer = new URL(config.issuer);
		pending = client
			.discovery(issuer, config.clientId, undefined, client.ClientSecretPost(config.clientSecret), {
				// Plain http only for an issuer on this machine (development and tests).
				execute: isLoopback(issuer) ? [client.allowInsecureRequests] : [],
			})
			.then((configuration) => {
				// Verify the id_token's signature against the issuer's published keys, not only its claims.
				client.enableNonRepudiationChecks(configuration);
				return configuration;
			});
		pending.catch(() => discovered.delete(config.key));
		discovered.set(config.key, pending);
	}
	return pending;
}

/**
 * Authorization code flow with PKCE (S256), state and nonce; the id_token is checked for signature,
 * issuer, audience, expiry and nonce by openid-client. The start request redirects to the provider;
 * the callback request returns the identity.
 */
export class OidcStrategy extends Strategy<ExternalIdentity, never> {
	name: string;

	constructor(private readonly config: OidcConfig) {
		super(async () => {
			throw new Error("OidcStrategy returns the identity itself");
		});
		this.name = config.key;
	}

	async authenticate(
		request: Request,
		sessionStorage: SessionStorage,
		_options: AuthenticateOptions,
	): Promise<ExternalIdentity> {
		const url = new URL(request.url);
		const session = await sessionStorage.getSession(request.headers.get("Cookie"));
		let configuration: client.Configuration;
		try {
			configuration = await configurationOf(this.config);
		} catch {
			throw new AuthorizationError(`${this.config.label} sign-in is not reachable right now. Try again later.`);
		}
		const redirectUri = `${publicOrigin(request)}/auth/${this.config.key}/callback`;

		if (!url.pathname.endsWith("/callback")) {
			const codeVerifier = client.randomPKCECodeVerifier();
			const state = client.randomState();
			const nonce = client.randomNonce();
			const flow: AuthFlowData["oidc"] = {
				provider: this.config.key,
				state,
				nonce,
				codeVerifier,
				redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), "/"),
				link: url.searchParams.get("link") === "1",
			};
			session.set("oidc", flow);
			const target = client.buildAuthorizationUrl(configuration, {
				redirect_uri: redirectUri,
				scope: "openid email profile",
				code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
				code_challenge_method: "S256",
				state,
				nonce,
				...(this.config.responseMode === "form_post" ? { response_mode: "form_post" } : {}),
			});
			throw redirect(target.href, { headers: { "Set-Cookie": await sessionStorage.commitSession(session) } });
		}

		const flow = session.get("oidc") as AuthFlowData["oidc"] | undefined;
		if (!flow || flow.provider !== this.config.key) {
			throw new AuthorizationError("This sign-in has expired or was started elsewhere. Please start again.");
		}
		let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
		try {
			// The callback URL as the provider sent it, on the public origin the redirect_uri names.
			const callbackUrl = new URL(`${url.pathname}${url.search}`, publicOrigin(request));
			const current =
				request.method === "POST"
					? new Request(callbackUrl, { method: "POST", body: await request.text(), headers: request.headers })
					: callbackUrl;
			tokens = await client.authorizationCodeGrant(configuration, current, {
				pkceCodeVerifier: flow.codeVerifier,
				expectedState: flow.state,
				expectedNonce: flow.nonce,
				idTokenExpected: true,
			});
		} catch (error) {
			const denied = error instanceof client.AuthorizationResponseError && error.error === "access_denied";
			throw new AuthorizationError(
				denied
					? `${this.config.label} sign-in was cancelled.`
					: `${this.config.label} sign-in could not be completed. Please try again.`,
				error instanceof Error ? error : undefined,
			);
		}
		const claims = tokens.claims();
		if (!claims?.sub) throw new AuthorizationError(`${this.config.label} did not say who signed in.`);
		return {
			provider: this.config.key,
			subject: claims.sub,
			email: typeof claims.email === "string" ? claims.email.toLowerCase() : null,
			emailVerified: claims.email_verified === true,
			name: typeof claims.name === "string" ? claims.name : null,
			redirectTo: flow.redirectTo,
			link: flow.link,
		};
	}
}
