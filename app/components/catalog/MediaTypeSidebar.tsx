import { Link } from "@remix-run/react";
import { type FilterSpec, specHref } from "~/lib/filter-spec";

// Class names, not inline styles: the CSP allows no inline style.
const indent = ["", "", "md:pl-3", "md:pl-6"];

type Node = { path: string; label: string; depth: number; count: number };

/** The media-class tree; choosing a node filters by `media_class <@ path` and keeps every other filter. */
export function MediaTypeSidebar({ nodes, spec, pathname }: { nodes: Node[]; spec: FilterSpec; pathname: string }) {
	const total = nodes.filter((n) => n.depth === 1).reduce((sum, n) => sum + n.count, 0);
	const item = (active: boolean) =>
		`flex justify-between gap-2 rounded-md px-3 py-1.5 text-sm ${active ? "active bg-accent text-on-accent" : "hover:bg-surface"}`;
	return (
		<nav aria-label="Media types" className="media-type-buttons">
			<ul className="flex flex-wrap gap-1 md:flex-col">
				<li>
					<Link
						to={specHref(pathname, spec, { class: null })}
						className={item(spec.class === null)}
						aria-current={spec.class === null ? "page" : undefined}
					>
						All <span className="tabular-nums opacity-75">{total}</span>
					</Link>
				</li>
				{nodes.map((node) => {
					const active = spec.class === node.path;
					return (
						<li key={node.path} className={indent[Math.min(node.depth, 3)]}>
							<Link
								to={specHref(pathname, spec, { class: node.path })}
								className={item(active)}
								aria-current={active ? "page" : undefined}
							>
								{node.label} <span className="tabular-nums opacity-75">{node.count}</span>
							</Link>
						</li>
					);
				})}
			</ul>
		</nav>
	);
}
