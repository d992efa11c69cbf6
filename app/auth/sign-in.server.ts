import { type AppLoadContext, redirect, type Session } from "@remix-run/node";
import { type AuthFlowData, getAuthFlowStorage } from "./cookies.server";
import { recordLoginEvent } from "./events.server";
import { clientOf } from "./request.server";
import { startSession } from "./session.server";

const TWO_FACTOR_MINUTES = 5;

/**
 * Finishes a first sign-in step (password or OIDC): straight into a session, or, when the person
 * has two-factor on, to the code step with the pending sign-in held in a short-lived signed cookie.
 */
export async function completeFirstFactor({
	userId,
	twoFactor,
	method,
	request,
	context,
	redirectTo,
	flow: given,
}: {
	userId: string;
	twoFactor: boolean;
	method: string;
	request: Request;
	context?: AppLoadContext;
	redirectTo: string;
	flow?: Session<AuthFlowData>;
}): Promise<Response> {
	if (!twoFactor) return startSession({ userId, method, request, context, redirectTo, flow: given });
	const storage = getAuthFlowStorage();
	const flow = given ?? (await storage.getSession(request.headers.get("Cookie")));
	flow.set("pendingTwoFactor", { userId, method, redirectTo, expiresAt: Date.now() + TWO_FACTOR_MINUTES * 60_000 });
	const { ip, userAgent } = clientOf(request, context);
	await recordLoginEvent({ kind: "2fa_challenge", method, userId, ip, userAgent });
	return redirect("/login/two-factor", { headers: { "Set-Cookie": await storage.commitSession(flow) } });
}

/** The sign-in waiting for its second step, if it has not expired. */
export async function getPendingTwoFactor(request: Request) {
	const flow = await getAuthFlowStorage().getSession(request.headers.get("Cookie"));
	const pending = flow.get("pendingTwoFactor");
	if (!pending || pending.expiresAt < Date.now()) return null;
	return { pending, flow };
}
