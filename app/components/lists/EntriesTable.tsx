import { Link, useFetcher, useLocation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { ColumnHeader } from "~/components/catalog/SortHeader";
import { formatMinutes, statusLabels } from "~/lib/columns";
import type { FieldErrors } from "~/lib/entry-forms";
import type { ColumnKey, FilterSpec } from "~/lib/filter-spec";
import { mediaTypeLabels } from "~/lib/media-types";
import { progressUnits } from "~/lib/progress";
import { fromStoredRating, type RatingScale } from "~/lib/rating";
import type { EntryRow } from "~/models/my-list.server";
import { EntryEditor, useOptimisticEntry } from "./EntryEditor";

export const BULK_FORM_ID = "bulk-form";

/** "Remove": a fetcher with JavaScript (the row goes at once and the page offers an undo), else a post. */
function RemoveButton({ entry, onRemoved }: { entry: EntryRow; onRemoved: (entry: EntryRow) => void }) {
	const fetcher = useFetcher({ key: `remove-${entry.mediaId}` });
	const location = useLocation();
	return (
		<fetcher.Form method="post" onSubmit={() => onRemoved(entry)}>
			<input type="hidden" name="intent" value="remove" />
			<input type="hidden" name="mediaId" value={entry.mediaId} />
			<input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
			<button type="submit" className="rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2">
				Remove
			</button>
		</fetcher.Form>
	);
}

function Cell({ column, entry, scale }: { column: ColumnKey; entry: EntryRow; scale: RatingScale }) {
	const cell = "px-3 py-2";
	switch (column) {
		case "title":
			return (
				<td className={`${cell} font-medium`}>
					<Link to={`/catalog/${entry.mediaId}`} className="hover:underline">
						{entry.title}
					</Link>
				</td>
			);
		case "type":
			return <td className={cell}>{mediaTypeLabels[entry.mediaType]}</td>;
		case "class":
			return <td className={`${cell} text-muted`}>{entry.mediaClass}</td>;
		case "year":
			return <td className={`${cell} tabular-nums`}>{entry.releaseDate?.slice(0, 4) ?? "—"}</td>;
		case "creators":
			return <td className={`${cell} text-muted`}>{entry.creators.join(", ")}</td>;
		case "country":
			return <td className={cell}>{entry.countryOfOrigin ?? "—"}</td>;
		case "status":
			return <td className={`entry-status ${cell}`}>{statusLabels[entry.status]}</td>;
		case "progress":
			return (
				<td className={`entry-progress ${cell} tabular-nums`}>
					{entry.progressTotal ? `${entry.progress} / ${entry.progressTotal}` : entry.progress}{" "}
					<span className="text-muted">{progressUnits[entry.mediaType].unit}</span>
				</td>
			);
		case "rating":
			return (
				<td className={`entry-rating ${cell} tabular-nums`}>
					{entry.rating === null ? "—" : fromStoredRating(entry.rating, scale)}
				</td>
			);
		case "time":
			return <td className={`entry-time ${cell} tabular-nums`}>{formatMinutes(entry.minutesLeft)}</td>;
		case "updated":
			return <td className={`${cell} tabular-nums`}>{entry.updatedAt.slice(0, 10)}</td>;
		case "started":
			return <td className={`${cell} tabular-nums`}>{entry.startedAt ?? "—"}</td>;
		case "completed":
			return <td className={`${cell} tabular-nums`}>{entry.completedAt ?? "—"}</td>;
		case "notes":
			return <td className={`${cell} max-w-64 truncate text-muted`}>{entry.notes ?? ""}</td>;
		default:
			return null;
	}
}

/** The address of this view with a row's editor open (`edit=<mediaId>`) or closed, scrolled to the row. */
function editHref(pathname: string, search: string, mediaId: string, open: boolean) {
	const params = new URLSearchParams(search);
	if (open) params.set("edit", mediaId);
	else params.delete("edit");
	const query = params.toString();
	return `${pathname}${query ? `?${query}` : ""}#entry-${mediaId}`;
}

/**
 * One entry. A row shows its values and an "Edit" link; the editor (status, progress, rating, More,
 * Remove) is rendered only for the row being edited, so a 50-row page stays small. Without
 * JavaScript "Edit" opens it through the address (`?edit=<mediaId>`, kept across the post and its
 * redirect); with JavaScript the link toggles it in place.
 */
function EntryRowView({
	entry: saved,
	spec,
	scale,
	errors,
	editing,
	onRemoved,
}: {
	entry: EntryRow;
	spec: FilterSpec;
	scale: RatingScale;
	errors?: FieldErrors;
	editing: boolean;
	onRemoved: (entry: EntryRow) => void;
}) {
	const entry = useOptimisticEntry(saved);
	const removing = useFetcher({ key: `remove-${saved.mediaId}` });
	const location = useLocation();
	const [shown, setShown] = useState(editing || Boolean(errors));
	if (removing.state !== "idle") return null;
	return (
		<tr
			id={`entry-${entry.mediaId}`}
			className="border-b border-line align-top last:border-0"
			data-media-id={entry.mediaId}
		>
			<td className="px-3 py-2">
				{/* Keyed by the entry's version, so a bulk change that reaches the row also clears its tick. */}
				<input
					key={saved.updatedAt}
					type="checkbox"
					name="mediaId"
					value={entry.mediaId}
					form={BULK_FORM_ID}
					aria-label={`Select ${entry.title}`}
				/>
			</td>
			{spec.cols.map((column) => (
				<Cell key={column} column={column} entry={entry} scale={scale} />
			))}
			<td className="px-3 py-2">
				<a
					href={editHref(location.pathname, location.search, entry.mediaId, !shown)}
					className="entry-edit rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2"
					aria-expanded={shown}
					onClick={(event) => {
						// A plain click toggles in place; a click that asks for a new tab follows the link.
						if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
						event.preventDefault();
						setShown(!shown);
					}}
				>
					{shown ? "Close" : "Edit"}
				</a>
				{shown ? (
					<div className="mt-2 flex flex-wrap items-start gap-2">
						<EntryEditor entry={saved} scale={scale} errors={errors} />
						<RemoveButton entry={saved} onRemoved={onRemoved} />
					</div>
				) : null}
			</td>
		</tr>
	);
}

/** My list as the catalog's table layout: the chosen columns, sortable headers, an editor for the row being edited. */
export function EntriesTable({
	rows,
	spec,
	pathname,
	scale,
	errors,
	onRemoved,
}: {
	rows: EntryRow[];
	spec: FilterSpec;
	pathname: string;
	scale: RatingScale;
	errors?: { mediaId?: string; fieldErrors?: FieldErrors };
	onRemoved: (entry: EntryRow) => void;
}) {
	const [searchParams] = useSearchParams();
	const editing = searchParams.get("edit");
	return (
		<div className="overflow-x-auto rounded-xl border border-line bg-surface">
			<table className="entries-table w-full text-left text-sm">
				<thead className="border-b border-line text-muted">
					<tr>
						<th scope="col" className="px-3 py-2 font-medium">
							<span className="sr-only">Select</span>
						</th>
						{spec.cols.map((column) => (
							<ColumnHeader key={column} column={column} spec={spec} pathname={pathname} />
						))}
						<th scope="col" className="px-3 py-2 font-medium">
							<span className="sr-only">Edit</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((entry) => (
						<EntryRowView
							key={entry.mediaId}
							entry={entry}
							spec={spec}
							scale={scale}
							errors={errors?.mediaId === entry.mediaId ? errors.fieldErrors : undefined}
							editing={editing === entry.mediaId}
							onRemoved={onRemoved}
						/>
					))}
				</tbody>
			</table>
		</div>
	);
}
