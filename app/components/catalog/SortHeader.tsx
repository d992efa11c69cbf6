import { Link } from "@remix-run/react";
import { columnLabel, columnSort } from "~/lib/columns";
import { type ColumnKey, defaultDirection, type FilterSpec, specHref } from "~/lib/filter-spec";

/** A column header; where the view sorts by it, a link that sorts (again: flips the direction). */
export function ColumnHeader({ column, spec, pathname }: { column: ColumnKey; spec: FilterSpec; pathname: string }) {
	const label = columnLabel(column, spec.scope);
	const sort = columnSort(column, spec.scope);
	if (!sort) {
		return (
			<th scope="col" className="px-3 py-2 font-medium">
				{label}
			</th>
		);
	}
	const current = spec.sort === sort;
	const nextDir = current ? (spec.dir === "asc" ? "desc" : "asc") : defaultDirection[sort];
	return (
		<th
			scope="col"
			aria-sort={current ? (spec.dir === "asc" ? "ascending" : "descending") : "none"}
			className="px-3 py-2 font-medium"
		>
			<Link
				to={specHref(pathname, spec, { sort, dir: nextDir })}
				className="inline-flex items-center gap-1 hover:underline"
			>
				{label}
				{current ? <span aria-hidden="true">{spec.dir === "asc" ? "▲" : "▼"}</span> : null}
			</Link>
		</th>
	);
}
