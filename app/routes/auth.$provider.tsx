import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { getExternalAuthenticator } from "~/auth/authenticator.server";
import { getAuthFlowStorage } from "~/auth/cookies.server";
import { findProvider } from "~/auth/providers.server";
import { safeRedirectPath } from "~/lib/safe-redirect";

/**
 * Starts sign-in with a provider (a GET link, so the redirect to the provider is not a form post).
 * The strategy answers with a redirect to the provider and the state it will check on return.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const provider = findProvider(params.provider);
	if (!provider) throw new Response("Unknown sign-in provider", { status: 404 });
	const url = new URL(request.url);
	const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "/");
	try {
		await getExternalAuthenticator().authenticate(provider.key, request, { throwOnError: true });
	} catch (thrown) {
		if (!(thrown instanceof Response) || provider.kind !== "google") throw thrown;
		// remix-auth-oauth2 keeps only its state in the flow cookie; add where to return afterwards.
		const storage = getAuthFlowStorage();
		const setCookie = thrown.headers.get("Set-Cookie") ?? "";
		const flow = await storage.getSession(setCookie.split(";")[0]);
		flow.set("oidc", {
			provider: "google",
			state: "",
			nonce: "",
			codeVerifier: "",
			redirectTo,
			link: url.searchParams.get("link") === "1",
		});
		const headers = new Headers(thrown.headers);
		headers.set("Set-Cookie", await storage.commitSession(flow));
		throw new Response(null, { status: thrown.status, headers });
	}
	return redirect("/login");
}
