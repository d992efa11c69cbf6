import { Form, Link } from "@remix-run/react";
import { type SectionKey, sections } from "~/lib/sections";
import type { Theme } from "~/lib/theme";
import { ThemeToggle } from "./ThemeToggle";

export function SiteHeader({
	section,
	theme,
	user,
}: {
	section: SectionKey;
	theme: Theme;
	user: { displayName: string; username: string } | null;
}) {
	const items = user
		? [...sections, { key: "account" as const, label: "Settings", href: "/settings/security" }]
		: [...sections, { key: "account" as const, label: "Sign in", href: "/login" }];
	return (
		<header className="site-header border-b border-line bg-surface">
			<div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
				<Link to="/" className="logo flex items-center rounded focus-visible:outline-2 focus-visible:outline-accent">
					<img className="logo-light" src="/logo-light.svg" alt="OmniMediaTrak" width={200} height={32} />
					<img className="logo-dark" src="/logo-dark.svg" alt="OmniMediaTrak" width={200} height={32} />
				</Link>
				<nav className="nav order-3 w-full sm:order-none sm:w-auto" aria-label="Main">
					<ul className="flex flex-wrap gap-1">
						{items.map((item) => {
							const active = item.key === section;
							return (
								<li key={item.key} className={active ? "active" : undefined}>
									<Link
										to={item.href}
										aria-current={active ? "page" : undefined}
										className="block rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
									>
										{item.label}
									</Link>
								</li>
							);
						})}
						{user ? (
							<li className="sign-out">
								<Form method="post" action="/logout">
									<button
										type="submit"
										className="block rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:bg-surface-2 hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
									>
										Sign out
									</button>
								</Form>
							</li>
						) : null}
					</ul>
				</nav>
				<div className="ml-auto flex items-center gap-3">
					{user ? (
						<span className="signed-in-as text-sm text-muted" title={`@${user.username}`}>
							{user.displayName}
						</span>
					) : null}
					<ThemeToggle theme={theme} />
				</div>
			</div>
		</header>
	);
}
