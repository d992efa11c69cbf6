import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, generateTotpSecret, matchTotp, otpauthUri, stepAt, totpCode } from "./totp.server";

// RFC 6238 appendix B test vectors (SHA-1 seed "12345678901234567890"), last 6 digits.
const rfcSecret = base32Encode(Buffer.from("12345678901234567890"));
const vectors: [number, string][] = [
	[59, "287082"],
	[1111111109, "081804"],
	[1111111111, "050471"],
	[1234567890, "005924"],
	[2000000000, "279037"],
	[20000000000, "353130"],
];

describe("TOTP", () => {
	it("matches the RFC 6238 test vectors", () => {
		for (const [seconds, code] of vectors) expect(totpCode(rfcSecret, stepAt(seconds * 1000))).toBe(code);
	});

	it("round-trips base32", () => {
		const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
		expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
		expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
	});

	it("accepts one step of drift, refuses older codes and replays", () => {
		const secret = generateTotpSecret();
		const now = 1_800_000_000_000;
		const step = stepAt(now);
		expect(matchTotp(secret, totpCode(secret, step), { now })).toBe(step);
		expect(matchTotp(secret, totpCode(secret, step - 1), { now })).toBe(step - 1);
		expect(matchTotp(secret, totpCode(secret, step + 1), { now })).toBe(step + 1);
		expect(matchTotp(secret, totpCode(secret, step - 2), { now })).toBeNull();
		expect(matchTotp(secret, totpCode(secret, step), { now, afterStep: step })).toBeNull();
		for (const bad of ["", "12345", "1234567", "abcdef", "12 456"]) expect(matchTotp(secret, bad, { now })).toBeNull();
	});

	it("builds an otpauth URI authenticator apps read", () => {
		const uri = otpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "ada@example.test", issuer: "OmniMediaTrak" });
		expect(uri).toBe(
			"otpauth://totp/OmniMediaTrak%3Aada%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=OmniMediaTrak&algorithm=SHA1&digits=6&period=30",
		);
	});
});
