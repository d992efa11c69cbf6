import { and, eq, ne, sql } from "drizzle-orm";
import { emailField, usernameField } from "~/lib/account-schemas";
import type { Theme } from "~/lib/theme";
import { getDb } from "../../db/client.server";
import { type MediaType, preferences, settings, twoFactor, users } from "../../db/schema";

export type NewAccount = {
	username: string;
	displayName: string;
	email: string;
	passwordHash: string | null;
	country?: string | null;
	birthDate?: string | null;
	mediaTypes?: MediaType[];
	ratingScale?: 5 | 10 | 100;
	emailVerified?: boolean;
};

export const takenMessages = {
	username: "That username is taken.",
	email: "An account with that email already exists.",
} as const;

/**
 * A zod superRefine step for sign-up forms: reports a taken username or email on its field.
 * Refinements run even when other fields failed, so only values that are themselves valid are looked up.
 */
export async function refineAccountAvailability(
	data: { username: string; email: string },
	ctx: { addIssue(issue: { code: "custom"; path: string[]; message: string }): void },
): Promise<void> {
	const [usernameTaken, emailTaken] = await Promise.all([
		usernameField.safeParse(data.username).success && isUsernameTaken(data.username),
		emailField.safeParse(data.email).success && isEmailTaken(data.email),
	]);
	if (usernameTaken) ctx.addIssue({ code: "custom", path: ["username"], message: takenMessages.username });
	if (emailTaken) ctx.addIssue({ code: "custom", path: ["email"], message: takenMessages.email });
}

export class AccountTakenError extends Error {
	constructor(readonly field: "username" | "email") {
		super(`${field} taken`);
	}
}

/** Creates the person with their preferences and settings in one transaction. */
export async function createAccount(account: NewAccount): Promise<{ id: string }> {
	try {
		return await getDb().transaction(async (tx) => {
			const [user] = await tx
				.insert(users)
				.values({
					username: account.username,
					displayName: account.displayName,
					email: account.email,
					emailVerifiedAt: account.emailVerified ? new Date() : null,
					passwordHash: account.passwordHash,
					country: account.country ?? null,
					birthDate: account.birthDate ?? null,
				})
				.returning({ id: users.id });
			await tx.insert(preferences).values({
				userId: user.id,
				mediaTypes: account.mediaTypes ?? [],
				ratingScale: account.ratingScale ?? 10,
			});
			await tx.insert(settings).values({ userId: user.id });
			return user;
		});
	} catch (error) {
		const text = String((error as { cause?: unknown }).cause ?? error);
		if (text.includes("users_username_key")) throw new AccountTakenError("username");
		if (text.includes("users_email_key")) throw new AccountTakenError("email");
		throw error;
	}
}

export async function isUsernameTaken(username: string, exceptUserId?: string): Promise<boolean> {
	const rows = await getDb()
		.select({ id: users.id })
		.from(users)
		.where(
			and(sql`lower(${users.username}) = lower(${username})`, exceptUserId ? ne(users.id, exceptUserId) : undefined),
		)
		.limit(1);
	return rows.length > 0;
}

export async function isEmailTaken(email: string, exceptUserId?: string): Promise<boolean> {
	const rows = await getDb()
		.select({ id: users.id })
		.from(users)
		.where(and(sql`lower(${users.email}) = lower(${email})`, exceptUserId ? ne(users.id, exceptUserId) : undefined))
		.limit(1);
	return rows.length > 0;
}

/** The account an identifier (email or username) names, with what sign-in needs. */
export async function findAccountForSignIn(identifier: string) {
	const column = identifier.includes("@") ? users.email : users.username;
	const [row] = await getDb()
		.select({
			id: users.id,
			passwordHash: users.passwordHash,
			twoFactorEnabled: sql<boolean>`${twoFactor.enabledAt} is not null`,
		})
		.from(users)
		.leftJoin(twoFactor, eq(twoFactor.userId, users.id))
		.where(sql`lower(${column}) = lower(${identifier})`)
		.limit(1);
	return row ?? null;
}

export async function getPasswordHash(userId: string): Promise<string | null> {
	const [row] = await getDb().select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
	return row?.hash ?? null;
}

export async function setPasswordHash({ userId, passwordHash }: { userId: string; passwordHash: string }) {
	await getDb().update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function setThemePreference({ userId, theme }: { userId: string; theme: Theme }) {
	await getDb().update(preferences).set({ theme, updatedAt: new Date() }).where(eq(preferences.userId, userId));
}

export async function hasTwoFactor(userId: string): Promise<boolean> {
	const [row] = await getDb()
		.select({ on: sql<boolean>`${twoFactor.enabledAt} is not null` })
		.from(twoFactor)
		.where(eq(twoFactor.userId, userId));
	return row?.on ?? false;
}

/** The person's default catalog/list columns ("Save as default view"). */
export async function saveDefaultView({ userId, columns, sort }: { userId: string; columns: string[]; sort: string }) {
	await getDb()
		.update(preferences)
		.set({ defaultColumns: columns, defaultSort: sort, updatedAt: new Date() })
		.where(eq(preferences.userId, userId));
}
