import { createCookie } from "@remix-run/node";
import { parseTheme, type Theme } from "./theme";

// Not signed: it holds only a display preference and must be readable before any account exists.
const themeCookie = createCookie("theme", {
	path: "/",
	httpOnly: true,
	sameSite: "lax",
	secure: process.env.NODE_ENV === "production",
	maxAge: 60 * 60 * 24 * 365,
});

export async function readTheme(request: Request): Promise<Theme> {
	return parseTheme(await themeCookie.parse(request.headers.get("Cookie")));
}

export function serializeTheme(theme: Theme): Promise<string> {
	return themeCookie.serialize(theme);
}
