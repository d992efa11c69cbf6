import { Form, Link, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { mediaTypeLabels } from "~/lib/media-types";
import type { ListItemRow } from "~/models/lists.server";
import { useHydrated } from "./useHydrated";

const buttonClass =
	"whitespace-nowrap rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2 disabled:opacity-40 disabled:hover:bg-transparent";

/** The order to show while a drag-and-drop move is on its way to the server. */
function withPendingMove(items: ListItemRow[], formData: FormData | undefined): ListItemRow[] {
	if (formData?.get("intent") !== "move") return items;
	const from = items.findIndex((item) => item.mediaId === formData.get("mediaId"));
	const position = Number(formData.get("position"));
	if (from < 0 || !Number.isInteger(position) || position < 1) return items;
	const next = [...items];
	const [moved] = next.splice(from, 1);
	next.splice(Math.min(position, items.length) - 1, 0, moved);
	return next.map((item, index) => ({ ...item, position: index + 1 }));
}

function MoveButton({
	item,
	to,
	label,
	disabled,
}: {
	item: ListItemRow;
	to: number;
	label: string;
	disabled: boolean;
}) {
	return (
		<Form method="post" preventScrollReset>
			<input type="hidden" name="intent" value="move" />
			<input type="hidden" name="mediaId" value={item.mediaId} />
			<input type="hidden" name="position" value={to} />
			<button type="submit" disabled={disabled} className={buttonClass}>
				{label}
				<span className="sr-only"> {item.title}</span>
			</button>
		</Form>
	);
}

/**
 * The works of a list. For the owner each row has Move up / Move down / Remove forms that work
 * without JavaScript; with it, rows can also be dragged, which posts the same `move` intent.
 */
export function ListItemsTable({ items, editable }: { items: ListItemRow[]; editable: boolean }) {
	const mover = useFetcher({ key: "list-move" });
	const draggable = useHydrated() && editable;
	const [dragged, setDragged] = useState<string | null>(null);
	const [target, setTarget] = useState<number | null>(null);
	const rows = withPendingMove(items, mover.formData);
	const endDrag = () => {
		setDragged(null);
		setTarget(null);
	};
	const drop = (position: number) => {
		const from = rows.find((row) => row.mediaId === dragged)?.position;
		if (dragged && from !== undefined && from !== position) {
			mover.submit({ intent: "move", mediaId: dragged, position: String(position) }, { method: "post" });
		}
		endDrag();
	};
	return (
		<table className="list-items w-full overflow-hidden rounded-xl border border-line bg-surface text-left text-sm">
			<thead className="text-muted">
				<tr>
					<th scope="col" className="w-12 px-3 py-2 font-medium">
						#
					</th>
					<th scope="col" className="px-3 py-2 font-medium">
						Title
					</th>
					<th scope="col" className="px-3 py-2 font-medium">
						Type
					</th>
					<th scope="col" className="px-3 py-2 font-medium">
						Year
					</th>
					{editable ? (
						<th scope="col" className="px-3 py-2 font-medium">
							<span className="sr-only">Actions</span>
						</th>
					) : null}
				</tr>
			</thead>
			<tbody>
				{rows.map((item, index) => (
					<tr
						key={item.mediaId}
						className={`list-row border-t border-line ${target === item.position && dragged ? "bg-surface-2" : ""} ${
							dragged === item.mediaId ? "opacity-50" : ""
						}`}
						data-media-id={item.mediaId}
						draggable={draggable || undefined}
						onDragStart={(event) => {
							if (!draggable) return;
							event.dataTransfer.setData("text/plain", item.mediaId);
							event.dataTransfer.effectAllowed = "move";
							setDragged(item.mediaId);
						}}
						onDragOver={(event) => {
							if (!dragged) return;
							event.preventDefault();
							event.dataTransfer.dropEffect = "move";
							setTarget(item.position);
						}}
						onDrop={(event) => {
							if (!dragged) return;
							event.preventDefault();
							drop(item.position);
						}}
						onDragEnd={endDrag}
					>
						<td className="px-3 py-2 tabular-nums text-muted">
							{draggable ? (
								<span aria-hidden="true" className="mr-1 cursor-grab select-none">
									⠿
								</span>
							) : null}
							<span className="item-position">{item.position}</span>
						</td>
						<td className="item-title px-3 py-2">
							<Link to={`/catalog/${item.mediaId}`} className="hover:underline">
								{item.title}
							</Link>
						</td>
						<td className="item-type px-3 py-2">{mediaTypeLabels[item.mediaType]}</td>
						<td className="item-year px-3 py-2 tabular-nums">{item.year ?? "—"}</td>
						{editable ? (
							<td className="px-3 py-2">
								<div className="flex justify-end gap-1">
									<MoveButton item={item} to={item.position - 1} label="Move up" disabled={index === 0} />
									<MoveButton
										item={item}
										to={item.position + 1}
										label="Move down"
										disabled={index === rows.length - 1}
									/>
									<Form method="post" preventScrollReset>
										<input type="hidden" name="intent" value="remove-item" />
										<input type="hidden" name="mediaId" value={item.mediaId} />
										<button type="submit" className={buttonClass}>
											Remove<span className="sr-only"> {item.title}</span>
										</button>
									</Form>
								</div>
							</td>
						) : null}
					</tr>
				))}
			</tbody>
		</table>
	);
}
