import { Authenticator, AuthorizationError } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { findAccountForSignIn } from "~/models/users.server";
import { getAuthFlowStorage } from "./cookies.server";
import { verifyPassword } from "./password.server";

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
