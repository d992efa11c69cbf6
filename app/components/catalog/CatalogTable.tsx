import { Link, useFetcher, useLocation } from "@remix-run/react";
import { type MouseEvent, useState } from "react";
import { formatMinutes, statusLabels } from "~/lib/columns";
import type { FilterSpec } from "~/lib/filter-spec";
import { mediaTypeLabels } from "~/lib/media-types";
import type { CatalogRow } from "~/models/catalog.server";
import { entryStatuses } from "../../../db/schema/columns";
import { AddToListForm } from "../lists/AddToListForm";
import { ColumnHeader } from "./SortHeader";

export type TableRow = CatalogRow;

/**
 * "Add" with a status choice; with JavaScript a fetcher posts it and the row shows the status at once.
 * The form posts to the page's own address (the index route's action with the page's search), which the
 * action redirects back to, so the row carries no returnTo of its own.
 */
function AddCell({ row, signedIn, here }: { row: TableRow; signedIn: boolean; here: string }) {
	const fetcher = useFetcher({ key: `add-${row.id}` });
	const pending = fetcher.formData?.get("status");
	const status = row.myStatus ?? (typeof pending === "string" ? (pending as TableRow["myStatus"]) : null);
	if (status)
		return <span className="my-status rounded-full bg-surface-2 px-2 py-0.5 text-xs">{statusLabels[status]}</span>;
	if (!signedIn) {
		return (
			<Link
				to={`/login?${new URLSearchParams({ redirectTo: here })}`}
				className="rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2"
			>
				Add
			</Link>
		);
	}
	// Planning is the first option, so it is the one chosen until the person picks another.
	return (
		<fetcher.Form method="post" className="add-form flex items-center gap-1" preventScrollReset>
			<input type="hidden" name="intent" value="add" />
			<input type="hidden" name="mediaId" value={row.id} />
			<select
				name="status"
				aria-label={`Status for ${row.title}`}
				className="rounded-md border border-line bg-surface px-1 py-0.5 text-xs"
			>
				{entryStatuses.map((s) => (
					<option key={s} value={s}>
						{statusLabels[s]}
					</option>
				))}
			</select>
			<button type="submit" className="rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2">
				Add
			</button>
		</fetcher.Form>
	);
}

/**
 * "Add to list…" without a list picker in every row. The row holds a link to the work page's picker,
 * which works without JavaScript; with JavaScript a click opens the same picker here instead, rendered
 * on the client only once it is asked for.
 */
function AddToListCell({
	mediaId,
	lists,
	returnTo,
}: {
	mediaId: string;
	lists: { id: string; name: string }[];
	returnTo: string;
}) {
	const [open, setOpen] = useState(false);
	if (open) return <AddToListForm lists={lists} mediaId={mediaId} returnTo={returnTo} open inline />;
	const openHere = (event: MouseEvent<HTMLAnchorElement>) => {
		// A click that asks for a new tab or window still follows the link.
		if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		setOpen(true);
	};
	return (
		<a
			href={`/catalog/${mediaId}?addToList=1#add-to-list`}
			onClick={openHere}
			className="add-to-list-link rounded-md border border-line px-2 py-1 text-sm hover:bg-surface-2"
		>
			Add to list…
		</a>
	);
}

export function CatalogTable({
	rows,
	spec,
	pathname,
	classLabels,
	signedIn,
	myLists,
}: {
	rows: TableRow[];
	spec: FilterSpec;
	pathname: string;
	classLabels: Record<string, string>;
	signedIn: boolean;
	/** The person's static lists, for "Add to list…" (null when signed out); once per page, never per row. */
	myLists: { id: string; name: string }[] | null;
}) {
	const cell = "px-3 py-2";
	const location = useLocation();
	const here = `${location.pathname}${location.search}`;
	return (
		<div className="overflow-x-auto rounded-xl border border-line bg-surface">
			<table className="catalog-table w-full text-left text-sm">
				<thead className="border-b border-line text-muted">
					<tr>
						{spec.cols.map((key) => (
							<ColumnHeader key={key} column={key} spec={spec} pathname={pathname} />
						))}
						<th scope="col" className="px-3 py-2 font-medium">
							<span className="sr-only">Action</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.id} className="border-b border-line last:border-0" data-media-id={row.id}>
							{spec.cols.map((key) => {
								switch (key) {
									case "title":
										return (
											<td key={key} className={`${cell} font-medium`}>
												<Link to={`/catalog/${row.id}`} className="hover:underline">
													{row.title}
												</Link>
											</td>
										);
									case "type":
										return (
											<td key={key} className={cell}>
												{mediaTypeLabels[row.mediaType]}
											</td>
										);
									case "class":
										return (
											<td key={key} className={cell}>
												{classLabels[row.mediaClass] ?? row.mediaClass}
											</td>
										);
									case "year":
										return (
											<td key={key} className={`${cell} tabular-nums`}>
												{row.releaseDate?.slice(0, 4) ?? "—"}
											</td>
										);
									case "creators":
										return (
											<td key={key} className={`${cell} text-muted`}>
												{row.creators.join(", ")}
											</td>
										);
									case "country":
										return (
											<td key={key} className={cell}>
												{row.countryOfOrigin ?? "—"}
											</td>
										);
									case "time":
										return (
											<td key={key} className={`${cell} tabular-nums`}>
												{formatMinutes(row.estimatedMinutes)}
											</td>
										);
									case "rating":
										return (
											<td key={key} className={`${cell} tabular-nums`}>
												{row.ratingAvg === null ? "—" : `${Math.round(row.ratingAvg)} (${row.ratingsCount})`}
											</td>
										);
									case "status":
										return (
											<td key={key} className={cell}>
												{row.myStatus ? statusLabels[row.myStatus] : "—"}
											</td>
										);
									default:
										return null;
								}
							})}
							<td className={`${cell} flex flex-wrap items-start gap-2`}>
								<AddCell row={row} signedIn={signedIn} here={here} />
								{myLists && myLists.length > 0 ? (
									<AddToListCell lists={myLists} mediaId={row.id} returnTo={here} />
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
