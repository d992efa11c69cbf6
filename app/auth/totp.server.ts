import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, 6 digits (what authenticator apps expect).
const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
	let bits = 0;
	let value = 0;
	let out = "";
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
	return out;
}

export function base32Decode(text: string): Buffer {
	const clean = text.toUpperCase().replace(/[\s=-]/g, "");
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const char of clean) {
		const index = ALPHABET.indexOf(char);
		if (index < 0) throw new Error("not base32");
		value = (value << 5) | index;
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 255);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/** A new 160-bit secret, base32 as authenticator apps show it. */
export function generateTotpSecret(): string {
	return base32Encode(randomBytes(20));
}

export function stepAt(timeMs: number): number {
	return Math.floor(timeMs / 1000 / STEP_SECONDS);
}

/** The code for one time step (RFC 4226 dynamic truncation). */
export function totpCode(secret: string, step: number): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(step));
	const hmac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
	const offset = hmac[hmac.length - 1] & 0x0f;
	const binary = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS;
	return binary.toString().padStart(DIGITS, "0");
}

/**
 * The step a code belongs to, accepting one step of clock drift either way, or null.
 * A step at or before `afterStep` is refused so a code cannot be replayed.
 */
export function matchTotp(
	secret: string,
	code: string,
	{ now = Date.now(), afterStep = -1 }: { now?: number; afterStep?: number } = {},
): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const current = stepAt(now);
	let matched: number | null = null;
	for (const step of [current - 1, current, current + 1]) {
		const expected = Buffer.from(totpCode(secret, step));
		// Compare every candidate in constant time; do not stop at the first match.
		if (timingSafeEqual(expected, Buffer.from(code)) && step > afterStep) matched = step;
	}
	return matched;
}

export function otpauthUri({ secret, account, issuer }: { secret: string; account: string; issuer: string }): string {
	const label = encodeURIComponent(`${issuer}:${account}`);
	const params = new URLSearchParams({
		secret,
		issuer,
		algorithm: "SHA1",
		digits: String(DIGITS),
		period: String(STEP_SECONDS),
	});
	return `otpauth://totp/${label}?${params}`;
}
