import { Form, Link } from "@remix-run/react";
import { FilterFields, fieldClass } from "~/components/catalog/FilterFields";
import { FormErrors } from "~/components/forms";
import { columnLabel, statusLabels } from "~/lib/columns";
import { columnKeys, type FilterSpec, scopeConfig } from "~/lib/filter-spec";
import { mediaTypeLabels } from "~/lib/media-types";
import { checkDefinition, describeDefinition, viewHref } from "~/lib/smart-definition";
import type { SmartResult } from "~/models/smart-lists.server";

function sortLabel(sort: string, spec: FilterSpec): string {
	const column = columnKeys.find((key) => key === sort);
	return sort === "relevance" ? "Relevance" : column ? columnLabel(column, spec.scope) : sort;
}

/** The owner's form to change the saved filters: the filter menu's fields, the sort, or JSON. */
function EditFilters({
	spec,
	stored,
	franchises,
	open,
}: {
	spec: FilterSpec | null;
	stored: string | null;
	franchises: { path: string; label: string }[];
	open: boolean;
}) {
	const scope = spec?.scope ?? "lists";
	return (
		<details className="edit-filters rounded-xl border border-line bg-surface p-5" open={open}>
			<summary className="cursor-pointer font-semibold">Edit filters</summary>
			<Form method="post" className="mt-4 grid max-w-xl gap-3">
				<input type="hidden" name="intent" value="update-filters" />
				<input type="hidden" name="scope" value={scope} />
				{spec ? (
					<>
						<FilterFields spec={spec} franchises={franchises} signedIn />
						<div className="grid grid-cols-2 gap-2">
							<label className="text-sm">
								Sort by
								<select name="sort" defaultValue={spec.sort} className={fieldClass}>
									{scopeConfig[scope].sorts.map((sort) => (
										<option key={sort} value={sort}>
											{sortLabel(sort, spec)}
										</option>
									))}
								</select>
							</label>
							<label className="text-sm">
								Direction
								<select name="dir" defaultValue={spec.dir} className={fieldClass}>
									<option value="asc">Ascending</option>
									<option value="desc">Descending</option>
								</select>
							</label>
						</div>
					</>
				) : null}
				<label className="text-sm">
					Or the filters as JSON (replaces the fields above when filled in)
					<textarea
						name="definition"
						rows={4}
						maxLength={10_000}
						defaultValue={spec ? "" : (stored ?? "")}
						className={`${fieldClass} font-mono`}
					/>
				</label>
				<button
					type="submit"
					className="justify-self-start rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent"
				>
					Save filters
				</button>
			</Form>
		</details>
	);
}

/** A smart list: its filters, the works matching them now, and (for the owner) a way to change them. */
export function SmartListView({
	result,
	owner,
	franchises,
	errors,
}: {
	result: SmartResult;
	owner: boolean;
	franchises: { path: string; label: string }[];
	errors?: string[];
}) {
	const check = result.ok ? checkDefinition(result.definition) : null;
	const spec = check?.ok ? check.spec : null;
	return (
		<div className="smart-list grid gap-4">
			{result.ok ? (
				<div className="grid gap-1 text-sm text-muted">
					<p className="smart-description">{describeDefinition(result.definition).join(" · ")}</p>
					<p>
						<span className="list-count">
							{result.total} {result.total === 1 ? "work" : "works"}
						</span>
						{result.more ? ` (the first ${result.rows.length} shown)` : ""} ·{" "}
						<Link to={viewHref(result.definition)} className="underline">
							Open as a filtered view
						</Link>
					</p>
				</div>
			) : (
				<FormErrors errors={["This smart list's saved filters can no longer be used:", ...result.errors]} />
			)}
			<FormErrors errors={errors} />
			{result.ok && result.rows.length === 0 ? (
				<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
					Nothing matches these filters right now.
				</p>
			) : null}
			{result.ok && result.rows.length > 0 ? (
				<div className="overflow-x-auto rounded-xl border border-line bg-surface">
					<table className="smart-results w-full text-left text-sm">
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
								{owner ? (
									<th scope="col" className="px-3 py-2 font-medium">
										My status
									</th>
								) : null}
							</tr>
						</thead>
						<tbody>
							{result.rows.map((row) => (
								<tr key={row.mediaId} data-media-id={row.mediaId} className="border-b border-line last:border-0">
									<td className="px-3 py-2 font-medium">
										<Link to={`/catalog/${row.mediaId}`} className="hover:underline">
											{row.title}
										</Link>
									</td>
									<td className="px-3 py-2">{mediaTypeLabels[row.mediaType]}</td>
									<td className="px-3 py-2 tabular-nums">{row.year ?? "—"}</td>
									{owner ? <td className="px-3 py-2">{row.status ? statusLabels[row.status] : "—"}</td> : null}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
			{owner ? (
				<EditFilters
					spec={spec}
					stored={result.ok ? null : result.stored}
					franchises={franchises}
					open={!result.ok || Boolean(errors)}
				/>
			) : null}
		</div>
	);
}
