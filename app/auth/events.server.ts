import { getDb } from "../../db/client.server";
import { loginEvents } from "../../db/schema";

export type LoginEventKind =
	| "register"
	| "signin_success"
	| "signin_failure"
	| "signin_rate_limited"
	| "signout"
	| "session_revoked"
	| "2fa_challenge"
	| "2fa_success"
	| "2fa_failure"
	| "2fa_enabled"
	| "2fa_disabled"
	| "recovery_code_used"
	| "password_changed"
	| "identity_linked"
	| "identity_unlinked";

/** Audit trail of account activity: every sign-in, failure, sign-out and two-factor step. */
export async function recordLoginEvent(event: {
	kind: LoginEventKind;
	method: string;
	userId?: string | null;
	identifier?: string | null;
	ip?: string | null;
	userAgent?: string | null;
	detail?: Record<string, unknown>;
}): Promise<void> {
	await getDb()
		.insert(loginEvents)
		.values({
			event: event.kind,
			method: event.method,
			userId: event.userId ?? null,
			identifier: event.identifier?.slice(0, 254) ?? null,
			ip: event.ip ?? null,
			userAgent: event.userAgent ?? null,
			detail: event.detail ?? {},
		});
}
