import { readEnv } from "~/env.server";

export type ProviderConfig =
	| { kind: "google"; key: "google"; label: string; clientId: string; clientSecret: string }
	| {
			kind: "oidc";
			key: string;
			label: string;
			issuer: string;
			clientId: string;
			clientSecret: string;
			/** `form_post` for providers that answer with a POST (Apple when asking for email and name). */
			responseMode: "query" | "form_post";
	  };

let cached: ProviderConfig[] | undefined;

/**
 * Sign-in providers configured by environment: Google (GOOGLE_CLIENT_ID/SECRET) and any OpenID
 * issuer as OIDC_<NAME>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, optional _LABEL and _RESPONSE_MODE
 * (e.g. OIDC_APPLE_ISSUER=https://appleid.apple.com). Only configured providers get a button.
 */
export function getProviders(source: Record<string, string | undefined> = process.env): ProviderConfig[] {
	if (cached && source === process.env) return cached;
	const env = readEnv(source);
	const providers: ProviderConfig[] = [];
	if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
		providers.push({
			kind: "google",
			key: "google",
			label: "Google",
			clientId: env.GOOGLE_CLIENT_ID,
			clientSecret: env.GOOGLE_CLIENT_SECRET,
		});
	}
	for (const name of Object.keys(source)) {
		const match = /^OIDC_([A-Z0-9]+)_ISSUER$/.exec(name);
		if (!match) continue;
		const prefix = `OIDC_${match[1]}_`;
		const issuer = source[name];
		const clientId = source[`${prefix}CLIENT_ID`];
		const clientSecret = source[`${prefix}CLIENT_SECRET`];
		if (!issuer || !clientId || !clientSecret) continue;
		const key = match[1].toLowerCase();
		if (key === "google") continue;
		providers.push({
			kind: "oidc",
			key,
			label: source[`${prefix}LABEL`] || match[1].charAt(0) + match[1].slice(1).toLowerCase(),
			issuer,
			clientId,
			clientSecret,
			responseMode: source[`${prefix}RESPONSE_MODE`] === "form_post" ? "form_post" : "query",
		});
	}
	if (source === process.env) cached = providers;
	return providers;
}

export function findProvider(key: string | undefined): ProviderConfig | undefined {
	return getProviders().find((provider) => provider.key === key);
}

/** The public origin for redirect URIs: PUBLIC_URL when set, else the request's own origin. */
export function publicOrigin(request: Request): string {
	const configured = readEnv().PUBLIC_URL;
	return configured ? new URL(configured).origin : new URL(request.url).origin;
}
