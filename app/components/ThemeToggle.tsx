import { useFetcher, useLocation } from "@remix-run/react";
import { type Theme, themeLabels, themes } from "~/lib/theme";

export const THEME_FETCHER_KEY = "theme";

const icons: Record<Theme, string> = { light: "☀", dark: "☾", system: "◐" };

/**
 * Three submit buttons posting to /theme. Without JavaScript the post redirects back to this page;
 * with it, a fetcher posts and the root reads the pending value so the switch is instant.
 */
export function ThemeToggle({ theme }: { theme: Theme }) {
	const fetcher = useFetcher({ key: THEME_FETCHER_KEY });
	const location = useLocation();
	return (
		<fetcher.Form method="post" action="/theme" preventScrollReset className="theme-toggle flex items-center gap-1">
			<input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
			<span className="sr-only">Theme</span>
			{themes.map((value) => (
				<button
					key={value}
					type="submit"
					name="theme"
					value={value}
					aria-pressed={theme === value}
					title={`${themeLabels[value]} theme`}
					className="rounded-md border border-line px-2 py-1 text-sm aria-pressed:bg-accent aria-pressed:text-on-accent hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent"
				>
					<span aria-hidden="true">{icons[value]}</span> <span className="hidden sm:inline">{themeLabels[value]}</span>
					<span className="sr-only sm:hidden">{themeLabels[value]}</span>
				</button>
			))}
		</fetcher.Form>
	);
}
