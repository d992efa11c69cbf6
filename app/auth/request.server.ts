import type { AppLoadContext } from "@remix-run/node";

/** Client facts the Express server passes in the load context (absent when a test calls a route directly). */
export function clientOf(request: Request, context: AppLoadContext | undefined) {
	const ip = typeof context?.ip === "string" && context.ip.length > 0 ? context.ip : null;
	const userAgent = request.headers.get("user-agent")?.slice(0, 512) ?? null;
	return { ip, userAgent };
}
