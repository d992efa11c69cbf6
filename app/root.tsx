import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
	isRouteErrorResponse,
	Link,
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	useFetcher,
	useLocation,
	useRouteError,
	useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode, useEffect } from "react";
import { getUser } from "~/auth/session.server";
import { useNonce } from "~/components/nonce";
import { SiteHeader } from "~/components/SiteHeader";
import { THEME_FETCHER_KEY } from "~/components/ThemeToggle";
import { sectionOf } from "~/lib/sections";
import { parseTheme, type Theme } from "~/lib/theme";
import { readTheme } from "~/lib/theme.server";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
	{ rel: "stylesheet", href: stylesheet },
	{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request);
	// A signed-in person's saved theme wins; the cookie serves everyone else.
	const theme = user ? user.theme : await readTheme(request);
	return { theme, user: user ? { displayName: user.displayName, username: user.username } : null };
}

/** The theme being switched to (optimistic) or the one from the cookie. */
function useTheme(): Theme {
	const data = useRouteLoaderData<typeof loader>("root");
	const pending = useFetcher({ key: THEME_FETCHER_KEY }).formData?.get("theme");
	return pending ? parseTheme(pending) : (data?.theme ?? "system");
}

export function Layout({ children }: { children: ReactNode }) {
	const theme = useTheme();
	const nonce = useNonce();
	const user = useRouteLoaderData<typeof loader>("root")?.user ?? null;
	// Marks the document once React has hydrated it (tests wait for it before using enhanced controls).
	useEffect(() => {
		document.documentElement.dataset.hydrated = "true";
	}, []);
	const section = sectionOf(useLocation().pathname);
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="color-scheme" content={theme === "system" ? "light dark" : theme} />
				<Meta />
				<Links />
			</head>
			<body data-page={section} data-theme={theme} className="min-h-screen bg-surface-2 text-ink antialiased">
				<a href="#main" className="skip-link">
					Skip to content
				</a>
				<SiteHeader section={section} theme={theme} user={user} />
				<main id="main" className="mx-auto max-w-7xl px-4 py-6">
					{children}
				</main>
				<footer className="mx-auto max-w-7xl px-4 py-8 text-sm text-muted">
					OmniMediaTrak — every kind of media, one list.
				</footer>
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	);
}

export default function App() {
	return <Outlet />;
}

export function ErrorBoundary() {
	const error = useRouteError();
	const status = isRouteErrorResponse(error) ? error.status : 500;
	const title =
		status === 404 ? "Page not found" : isRouteErrorResponse(error) ? error.statusText : "Something went wrong";
	return (
		<section className="error-page mx-auto max-w-xl py-16 text-center" aria-labelledby="error-title">
			<p className="text-sm font-semibold text-accent">{status}</p>
			<h1 id="error-title" className="mt-2 text-3xl font-bold">
				{title}
			</h1>
			<p className="mt-4 text-muted">
				{status === 404 ? "There is nothing at this address yet." : "The problem has been logged. Please try again."}
			</p>
			<Link to="/" className="mt-6 inline-block rounded-md bg-accent px-4 py-2 font-medium text-on-accent">
				Back to the home page
			</Link>
		</section>
	);
}
