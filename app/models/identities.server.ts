import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { identities, twoFactor, users } from "../../db/schema";

export async function findIdentityOwner({ provider, subject }: { provider: string; subject: string }) {
	const [row] = await getDb()
		.select({ userId: identities.userId, twoFactor: sql<boolean>`${twoFactor.enabledAt} is not null` })
		.from(identities)
		.leftJoin(twoFactor, eq(twoFactor.userId, identities.userId))
		.where(and(eq(identities.provider, provider), eq(identities.subject, subject)));
	if (row) {
		await getDb()
			.update(identities)
			.set({ lastUsedAt: new Date() })
			.where(and(eq(identities.provider, provider), eq(identities.subject, subject)));
	}
	return row ?? null;
}

export async function findAccountByEmail(email: string) {
	const [row] = await getDb().select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
	return row ?? null;
}

/** Links an identity to a person; false when it already belongs to someone else. */
export async function linkIdentity(identity: {
	userId: string;
	provider: string;
	subject: string;
	email: string | null;
	emailVerified: boolean;
}): Promise<boolean> {
	const inserted = await getDb()
		.insert(identities)
		.values({ ...identity, lastUsedAt: new Date() })
		.onConflictDoNothing()
		.returning({ userId: identities.userId });
	if (inserted.length > 0) return true;
	const owner = await findIdentityOwner(identity);
	return owner?.userId === identity.userId;
}

export async function listIdentities({ userId }: { userId: string }) {
	return getDb()
		.select({
			provider: identities.provider,
			email: identities.email,
			createdAt: identities.createdAt,
			lastUsedAt: identities.lastUsedAt,
		})
		.from(identities)
		.where(eq(identities.userId, userId))
		.orderBy(identities.provider);
}

export type UnlinkResult = "unlinked" | "not-found" | "last-way-to-sign-in";

/** Unlinks a provider, refusing when it is the person's last way to sign in. */
export async function unlinkIdentity({
	userId,
	provider,
}: {
	userId: string;
	provider: string;
}): Promise<UnlinkResult> {
	return getDb().transaction(async (tx) => {
		const [user] = await tx
			.select({ passwordHash: users.passwordHash })
			.from(users)
			.where(eq(users.id, userId))
			.for("update");
		const linked = await tx
			.select({ provider: identities.provider })
			.from(identities)
			.where(eq(identities.userId, userId));
		if (!linked.some((row) => row.provider === provider)) return "not-found";
		if (!user?.passwordHash && linked.length <= 1) return "last-way-to-sign-in";
		await tx.delete(identities).where(and(eq(identities.userId, userId), eq(identities.provider, provider)));
		return "unlinked";
	});
}
