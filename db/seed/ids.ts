import { createHash } from "node:crypto";

// Fixed namespace for demo-catalog ids: the same key always yields the same work id (RFC 4122 name-based, v5).
const NAMESPACE = Buffer.from("5b3e1f0e8a4c4d2b9f6a0c7d1e2f3a4b", "hex");

export function stableId(name: string): string {
	const hash = createHash("sha1").update(NAMESPACE).update(name, "utf8").digest();
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString("hex");
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
