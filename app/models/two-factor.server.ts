import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { base32Encode, generateTotpSecret, matchTotp } from "~/auth/totp.server";
import { getDb } from "../../db/client.server";
import { tokens, twoFactor } from "../../db/schema";

export const RECOVERY_CODE_COUNT = 10;

const hashCode = (code: string) => createHash("sha256").update(normaliseRecoveryCode(code)).digest("base64url");

export function normaliseRecoveryCode(code: string): string {
	return code.toLowerCase().replace(/[^a-z2-7]/g, "");
}

function newRecoveryCode(): string {
	const raw = base32Encode(randomBytes(7)).toLowerCase().slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

export async function getTwoFactorState({ userId }: { userId: string }) {
	const [row] = await getDb()
		.select({ secret: twoFactor.secret, enabledAt: twoFactor.enabledAt })
		.from(twoFactor)
		.where(eq(twoFactor.userId, userId));
	const [codes] = await getDb()
		.select({ left: sql<number>`count(*)::int` })
		.from(tokens)
		.where(and(eq(tokens.userId, userId), eq(tokens.kind, "recovery_code"), isNull(tokens.usedAt)));
	return {
		enabled: Boolean(row?.enabledAt),
		pendingSecret: row && !row.enabledAt ? row.secret : null,
		recoveryCodesLeft: codes?.left ?? 0,
	};
}

/** Starts (or restarts) enrolment: a new secret, not yet enabled. Refused while 2FA is on. */
export async function beginEnrolment({ userId }: { userId: string }): Promise<string | null> {
	const secret = generateTotpSecret();
	const rows = await getDb()
		.insert(twoFactor)
		.values({ userId, secret })
		.onConflictDoUpdate({
			target: twoFactor.userId,
			set: { secret, createdAt: new Date() },
			setWhere: isNull(twoFactor.enabledAt),
		})
		.returning({ secret: twoFactor.secret });
	return rows[0]?.secret ?? null;
}

/** Confirms enrolment with a first code; returns the recovery codes (shown once) or null. */
export async function confirmEnrolment({ userId, code }: { userId: string; code: string }): Promise<string[] | null> {
	return getDb().transaction(async (tx) => {
		const [row] = await tx
			.select({ secret: twoFactor.secret })
			.from(twoFactor)
			.where(and(eq(twoFactor.userId, userId), isNull(twoFactor.enabledAt)))
			.for("update");
		if (!row) return null;
		const step = matchTotp(row.secret, code);
		if (step === null) return null;
		await tx.update(twoFactor).set({ enabledAt: new Date(), lastUsedStep: step }).where(eq(twoFactor.userId, userId));
		const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
		await tx.delete(tokens).where(and(eq(tokens.userId, userId), eq(tokens.kind, "recovery_code")));
		await tx
			.insert(tokens)
			.values(codes.map((c) => ({ userId, kind: "recovery_code" as const, tokenHash: hashCode(c) })));
		return codes;
	});
}

export type ChallengeResult = "totp" | "recovery_code" | null;

/**
 * Checks a second-step code: a current TOTP code (each usable once) or an unused recovery code
 * (then spent). The update's own condition makes concurrent uses of the same code fail.
 */
export async function verifySecondFactor({ userId, code }: { userId: string; code: string }): Promise<ChallengeResult> {
	const db = getDb();
	const trimmed = code.trim();
	if (/^\d{6}$/.test(trimmed)) {
		const [row] = await db
			.select({ secret: twoFactor.secret, lastUsedStep: twoFactor.lastUsedStep })
			.from(twoFactor)
			.where(and(eq(twoFactor.userId, userId), sql`${twoFactor.enabledAt} is not null`));
		if (!row) return null;
		const step = matchTotp(row.secret, trimmed, { afterStep: row.lastUsedStep ?? -1 });
		if (step === null) return null;
		const claimed = await db
			.update(twoFactor)
			.set({ lastUsedStep: step })
			.where(and(eq(twoFactor.userId, userId), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))))
			.returning({ userId: twoFactor.userId });
		return claimed.length > 0 ? "totp" : null;
	}
	if (normaliseRecoveryCode(trimmed).length !== 10) return null;
	const spent = await db
		.update(tokens)
		.set({ usedAt: new Date() })
		.where(
			and(
				eq(tokens.userId, userId),
				eq(tokens.kind, "recovery_code"),
				eq(tokens.tokenHash, hashCode(trimmed)),
				isNull(tokens.usedAt),
			),
		)
		.returning({ id: tokens.id });
	return spent.length > 0 ? "recovery_code" : null;
}

export async function disableTwoFactor({ userId }: { userId: string }): Promise<void> {
	await getDb().transaction(async (tx) => {
		await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
		await tx.delete(tokens).where(and(eq(tokens.userId, userId), eq(tokens.kind, "recovery_code")));
	});
}
