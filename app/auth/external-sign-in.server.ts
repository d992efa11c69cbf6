import { type AppLoadContext, redirect } from "@remix-run/node";
import { findAccountByEmail, findIdentityOwner, linkIdentity } from "~/models/identities.server";
import { getAuthFlowStorage } from "./cookies.server";
import { recordLoginEvent } from "./events.server";
import type { ExternalIdentity } from "./oidc-strategy.server";
import { findProvider } from "./providers.server";
import { clientOf } from "./request.server";
import { getUser } from "./session.server";
import { completeFirstFactor } from "./sign-in.server";

/**
 * What happens after a provider vouches for someone:
 * - a linked identity signs its owner in (two-factor still applies);
 * - signed in already: the identity is linked to that account;
 * - a verified email that matches an account: linked only after the person signs in to it;
 * - otherwise a new account, after the person chooses a username.
 */
export async function resolveExternalSignIn(
	identity: ExternalIdentity,
	{ request, context }: { request: Request; context?: AppLoadContext },
): Promise<Response> {
	const method = `oidc:${identity.provider}`;
	const { ip, userAgent } = clientOf(request, context);
	const storage = getAuthFlowStorage();
	const flow = await storage.getSession(request.headers.get("Cookie"));
	flow.unset("oidc");

	const current = await getUser(request);
	if (current) {
		const linked = await linkIdentity({ userId: current.id, ...identity });
		if (linked) await recordLoginEvent({ kind: "identity_linked", method, userId: current.id, ip, userAgent });
		const outcome = linked ? "linked" : "taken";
		return redirect(`/settings/security?identity=${outcome}`, {
			headers: { "Set-Cookie": await storage.commitSession(flow) },
		});
	}

	const owner = await findIdentityOwner(identity);
	if (owner) {
		const response = await completeFirstFactor({
			userId: owner.userId,
			twoFactor: owner.twoFactor,
			method,
			request,
			context,
			redirectTo: identity.redirectTo,
			flow,
		});
		return response;
	}

	const label = findProvider(identity.provider)?.label ?? identity.provider;
	const existing = identity.email && identity.emailVerified ? await findAccountByEmail(identity.email) : null;
	if (existing) {
		flow.set("linkIdentity", {
			provider: identity.provider,
			subject: identity.subject,
			email: identity.email,
			emailVerified: true,
			label,
		});
		const params = new URLSearchParams({ link: identity.provider, redirectTo: identity.redirectTo });
		return redirect(`/login?${params}`, { headers: { "Set-Cookie": await storage.commitSession(flow) } });
	}

	flow.set("newIdentity", {
		provider: identity.provider,
		subject: identity.subject,
		email: identity.email,
		emailVerified: identity.emailVerified,
		name: identity.name,
		redirectTo: identity.redirectTo,
	});
	return redirect("/register/complete", { headers: { "Set-Cookie": await storage.commitSession(flow) } });
}
