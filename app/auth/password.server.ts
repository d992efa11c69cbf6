import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. Without a hash (unknown person, or an account that
 * signs in only through OIDC) it still spends the same work on a dummy hash, so timing does not
 * reveal which accounts exist.
 */
export async function verifyPassword(password: string, storedHash: string | null | undefined): Promise<boolean> {
	if (!storedHash) {
		dummyHash ??= hashPassword("not-a-real-password-but-the-same-cost");
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	return verify(storedHash, password).catch(() => false);
}
