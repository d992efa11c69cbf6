import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request);
	return null;
}

const tabs = [
	{ to: "/settings/security", label: "Security" },
	{ to: "/settings/two-factor", label: "Two-factor" },
];

export default function Settings() {
	return (
		<div className="grid gap-6 md:grid-cols-[12rem_1fr]">
			<nav aria-label="Settings" className="settings-nav">
				<ul className="flex gap-1 md:flex-col">
					{tabs.map((tab) => (
						<li key={tab.to}>
							<NavLink
								to={tab.to}
								className={({ isActive }) =>
									`block rounded-md px-3 py-1.5 text-sm ${isActive ? "active bg-accent text-on-accent" : "hover:bg-surface"}`
								}
							>
								{tab.label}
							</NavLink>
						</li>
					))}
				</ul>
			</nav>
			<div className="min-w-0">
				<Outlet />
			</div>
		</div>
	);
}
