import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getCatalogOverview, listRecentWorks } from "~/models/catalog.server";
import { mediaTypes } from "../../db/schema/columns";

export const meta: MetaFunction = () => [{ title: "Catalog · OmniMediaTrak" }];

// A first view of the catalog: newest works, optionally of one media type. The full catalog (controls
// bar, filter spec, search, sorting, keyset paging, class tree) replaces this loader and table.
const CatalogQuery = z.object({ type: z.enum(mediaTypes).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
	const { type } = CatalogQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
	const [overview, works] = await Promise.all([getCatalogOverview(), listRecentWorks({ mediaType: type })]);
	return { type: type ?? null, overview, works };
}

export default function Catalog() {
	const { type, overview, works } = useLoaderData<typeof loader>();
	const typeLabel = Object.fromEntries(overview.byType.map((row) => [row.mediaType, row.label]));
	return (
		<div className="grid gap-6 md:grid-cols-[14rem_1fr]">
			<nav aria-label="Media types" className="media-type-buttons">
				<ul className="flex flex-wrap gap-1 md:flex-col">
					<li>
						<Link
							to="/catalog"
							className={`block rounded-md px-3 py-1.5 text-sm ${type === null ? "active bg-accent text-on-accent" : "hover:bg-surface"}`}
						>
							All <span className="tabular-nums opacity-75">{overview.total}</span>
						</Link>
					</li>
					{overview.byType.map((row) => (
						<li key={row.mediaType}>
							<Link
								to={`/catalog?type=${row.mediaType}`}
								className={`flex justify-between rounded-md px-3 py-1.5 text-sm ${type === row.mediaType ? "active bg-accent text-on-accent" : "hover:bg-surface"}`}
							>
								{row.label} <span className="tabular-nums opacity-75">{row.count}</span>
							</Link>
						</li>
					))}
				</ul>
			</nav>
			<section aria-labelledby="catalog-title" className="min-w-0">
				<h1 id="catalog-title" className="text-2xl font-bold">
					{type ? typeLabel[type] : "Catalog"}
				</h1>
				<p className="mt-1 text-sm text-muted">Latest releases first.</p>
				<div className="mt-4 overflow-x-auto rounded-xl border border-line bg-surface">
					<table className="catalog-table w-full text-left text-sm">
						<thead className="border-b border-line text-muted">
							<tr>
								<th scope="col" className="px-3 py-2 font-medium">
									Title
								</th>
								<th scope="col" className="px-3 py-2 font-medium">
									Type
								</th>
								<th scope="col" className="px-3 py-2 font-medium">
									Year
								</th>
								<th scope="col" className="px-3 py-2 font-medium">
									Creators
								</th>
								<th scope="col" className="px-3 py-2 font-medium">
									Country
								</th>
							</tr>
						</thead>
						<tbody>
							{works.map((work) => (
								<tr key={work.id} className="border-b border-line last:border-0">
									<td className="px-3 py-2 font-medium">{work.title}</td>
									<td className="px-3 py-2">{typeLabel[work.mediaType] ?? work.mediaType}</td>
									<td className="px-3 py-2 tabular-nums">{work.releaseDate?.slice(0, 4) ?? "—"}</td>
									<td className="px-3 py-2 text-muted">{work.creators.join(", ")}</td>
									<td className="px-3 py-2">{work.countryOfOrigin ?? "—"}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
		</div>
	);
}
