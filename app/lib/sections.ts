export const sections = [
	{ key: "home", label: "Home", href: "/" },
	{ key: "catalog", label: "Catalog", href: "/catalog" },
	{ key: "lists", label: "Lists", href: "/lists" },
	{ key: "reviews", label: "Reviews", href: "/reviews" },
] as const;

export type SectionKey = (typeof sections)[number]["key"] | "account" | "other";

/** The nav section a path belongs to (drives `li.active` and `<body data-page>`). */
export function sectionOf(pathname: string): SectionKey {
	if (pathname === "/") return "home";
	const first = pathname.split("/")[1] ?? "";
	for (const section of sections) {
		if (section.href === `/${first}`) return section.key;
	}
	if (["login", "logout", "register", "settings", "auth"].includes(first)) return "account";
	return "other";
}
