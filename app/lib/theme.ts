import { z } from "zod";

export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];
export const ThemeSchema = z.enum(themes);

export const themeLabels: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

export function parseTheme(value: unknown): Theme {
	const parsed = ThemeSchema.safeParse(value);
	return parsed.success ? parsed.data : "system";
}
