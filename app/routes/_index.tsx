import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCatalogOverview } from "~/models/catalog.server";

export const meta: MetaFunction = () => [
	{ title: "OmniMediaTrak — track every kind of media in one place" },
	{
		name: "description",
		content:
			"Catalog and track films, series, anime, manga, books, web novels, games, podcasts and albums side by side.",
	},
];

export async function loader() {
	return { overview: await getCatalogOverview() };
}

export default function Home() {
	const { overview } = useLoaderData<typeof loader>();
	return (
		<div className="grid gap-6 lg:grid-cols-3">
			<section
				className="intro rounded-xl border border-line bg-surface p-6 lg:col-span-2"
				aria-labelledby="intro-title"
			>
				<h1 id="intro-title" className="text-3xl font-bold tracking-tight">
					Everything you watch, read, play and hear — in one list.
				</h1>
				<p className="mt-3 max-w-prose text-muted">
					OmniMediaTrak catalogs films, series, anime, manga, books, web novels, graphic novels, games, visual novels,
					podcasts and albums side by side. Follow a franchise across media, compare how long things take to finish, and
					keep your progress in one place.
				</p>
				<Link
					to="/catalog"
					className="mt-5 inline-block rounded-md bg-accent px-4 py-2 font-medium text-on-accent hover:opacity-90"
				>
					Browse the catalog
				</Link>
			</section>
			<section className="welcome rounded-xl border border-line bg-surface p-6" aria-labelledby="welcome-title">
				<h2 id="welcome-title" className="text-xl font-semibold">
					Welcome
				</h2>
				<p className="mt-2 text-muted">
					The catalog holds <strong className="text-ink">{overview.total}</strong> works across{" "}
					{overview.byType.filter((row) => row.count > 0).length} media types and {overview.franchises} franchises.
				</p>
				<ul className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
					{overview.byType.map((row) => (
						<li key={row.mediaType} className="flex justify-between gap-2">
							<Link to={`/catalog?type=${row.mediaType}`} className="hover:underline">
								{row.label}
							</Link>
							<span className="tabular-nums text-muted">{row.count}</span>
						</li>
					))}
				</ul>
				<p className="mt-4 text-sm">
					<Link to="/login" className="underline">
						Sign in
					</Link>{" "}
					to keep your own list.
				</p>
			</section>
			<section
				id="support"
				className="rounded-xl border border-line bg-surface p-6 lg:col-span-3"
				aria-labelledby="support-title"
			>
				<h2 id="support-title" className="text-xl font-semibold">
					Keep it independent
				</h2>
				<p className="mt-2 max-w-prose text-muted">
					No ads and no selling of your data: OmniMediaTrak is paid for by the people who use it.
				</p>
				<a
					href="#support"
					className="donate mt-4 inline-block rounded-md border border-accent px-4 py-2 font-medium text-accent hover:bg-accent hover:text-on-accent"
				>
					Donate
				</a>
			</section>
		</div>
	);
}
