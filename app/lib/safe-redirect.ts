/**
 * A redirect target only when it is a path on this site ("/catalog?x=1"); anything else
 * (absolute URLs, protocol-relative "//host", backslash tricks) falls back.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
	if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
	if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
	if (/[\u0000-\u001f\\]/.test(target)) return fallback;
	return target;
}
