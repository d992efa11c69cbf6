import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { AuthorizationError } from "remix-auth";
import { getExternalAuthenticator } from "~/auth/authenticator.server";
import { getAuthFlowStorage } from "~/auth/cookies.server";
import { recordLoginEvent } from "~/auth/events.server";
import { resolveExternalSignIn } from "~/auth/external-sign-in.server";
import { findProvider } from "~/auth/providers.server";
import { clientOf } from "~/auth/request.server";

async function handleCallback({ request, params, context }: LoaderFunctionArgs | ActionFunctionArgs) {
	const provider = findProvider(params.provider);
	if (!provider) throw new Response("Unknown sign-in provider", { status: 404 });
	const flow = await getAuthFlowStorage().getSession(request.headers.get("Cookie"));
	const started = flow.get("oidc");
	try {
		const identity = await getExternalAuthenticator().authenticate(provider.key, request, { throwOnError: true });
		if (provider.kind === "google" && started?.provider === "google") {
			identity.redirectTo = started.redirectTo;
			identity.link = started.link;
		}
		return await resolveExternalSignIn(identity, { request, context });
	} catch (error) {
		if (error instanceof Response) throw error;
		if (!(error instanceof AuthorizationError)) throw error;
		const { ip, userAgent } = clientOf(request, context);
		await recordLoginEvent({
			kind: "signin_failure",
			method: `oidc:${provider.key}`,
			ip,
			userAgent,
			detail: { reason: error.message },
		});
		flow.unset("oidc");
		flow.set("signInError", error.message);
		return redirect("/login", { headers: { "Set-Cookie": await getAuthFlowStorage().commitSession(flow) } });
	}
}

export const loader = handleCallback;

/** Providers configured with response_mode=form_post (Apple) post the result here. */
export const action = handleCallback;
