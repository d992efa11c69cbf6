import { useFetcher, useLocation } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { statusLabels } from "~/lib/columns";
import type { FieldErrors } from "~/lib/entry-forms";
import { progressUnits } from "~/lib/progress";
import { fromStoredRating, type RatingScale } from "~/lib/rating";
import type { EntryRow } from "~/models/my-list.server";
import { entryStatuses } from "../../../db/schema/columns";

export type EntryActionData = { mediaId?: string; fieldErrors?: FieldErrors };

const input = "rounded-md border border-line bg-surface px-1 py-0.5";
const button = "rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2";

/** The fetcher shared by a row's cells, so a pending edit shows at once wherever the value is shown. */
export function useEntryFetcher(mediaId: string) {
	return useFetcher<EntryActionData>({ key: `entry-${mediaId}` });
}

/** The values a row shows: the pending edit while it is on its way, else what the server has. */
export function useOptimisticEntry(entry: EntryRow): EntryRow {
	const fetcher = useEntryFetcher(entry.mediaId);
	const pending = fetcher.formData;
	if (pending?.get("intent") !== "update") return entry;
	const status = pending.get("status");
	const progress = pending.get("progress");
	const next = { ...entry };
	if (typeof status === "string" && (entryStatuses as readonly string[]).includes(status))
		next.status = status as EntryRow["status"];
	if (typeof progress === "string" && /^\d+$/.test(progress)) next.progress = Number(progress);
	if (next.status === "completed" && entry.progressTotal !== null) next.progress = entry.progressTotal;
	return next;
}

function Hidden({ entry }: { entry: EntryRow }) {
	const location = useLocation();
	return (
		<>
			<input type="hidden" name="intent" value="update" />
			<input type="hidden" name="mediaId" value={entry.mediaId} />
			<input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
		</>
	);
}

/**
 * Inline editing of one entry: status, progress and rating in the row; notes, dates and the rewatch
 * count behind "More". With JavaScript a fetcher posts it in place; without, the same form posts and
 * the page comes back (Post/Redirect/Get).
 */
export function EntryEditor({ entry, scale, errors }: { entry: EntryRow; scale: RatingScale; errors?: FieldErrors }) {
	const fetcher = useEntryFetcher(entry.mediaId);
	const shown = errors ?? fetcher.data?.fieldErrors;
	const id = (field: string) => `${field}-${entry.mediaId}`;
	const unit = progressUnits[entry.mediaType].unit;
	const rating = entry.rating === null ? "" : fromStoredRating(entry.rating, scale);
	return (
		<div className="grid gap-1">
			{/* Remounted when the entry changes so each field shows what was saved. */}
			<fetcher.Form
				method="post"
				className="entry-editor flex flex-wrap items-center gap-2 text-xs"
				key={entry.updatedAt}
			>
				<Hidden entry={entry} />
				<label className="sr-only" htmlFor={id("status")}>
					Status
				</label>
				<select id={id("status")} name="status" defaultValue={entry.status} className={input}>
					{entryStatuses.map((s) => (
						<option key={s} value={s}>
							{statusLabels[s]}
						</option>
					))}
				</select>
				<label className="flex items-center gap-1">
					Progress
					<input
						name="progress"
						type="number"
						min={0}
						max={entry.progressTotal ?? undefined}
						defaultValue={entry.progress}
						className={`w-16 ${input}`}
					/>
					<span className="text-muted">{entry.progressTotal ? `/ ${entry.progressTotal} ${unit}` : unit}</span>
				</label>
				<label className="flex items-center gap-1">
					Rating
					<input
						name="rating"
						type="number"
						min={0}
						max={scale}
						step={scale === 5 ? 0.5 : 1}
						defaultValue={rating}
						className={`w-16 ${input}`}
					/>
				</label>
				<button type="submit" className={button}>
					Save
				</button>
			</fetcher.Form>
			<details className="entry-more text-xs">
				<summary className="cursor-pointer text-muted">More</summary>
				<fetcher.Form method="post" className="mt-1 grid gap-1" key={entry.updatedAt}>
					<Hidden entry={entry} />
					<label className="grid gap-0.5">
						Notes
						<textarea name="notes" rows={2} maxLength={10_000} defaultValue={entry.notes ?? ""} className={input} />
					</label>
					<div className="flex flex-wrap gap-2">
						<label className="grid gap-0.5">
							Started
							<input name="startedAt" type="date" defaultValue={entry.startedAt ?? ""} className={input} />
						</label>
						<label className="grid gap-0.5">
							Completed
							<input name="completedAt" type="date" defaultValue={entry.completedAt ?? ""} className={input} />
						</label>
						<label className="grid gap-0.5">
							Rewatch/reread count
							<input
								name="repeatCount"
								type="number"
								min={0}
								max={999}
								defaultValue={entry.repeatCount}
								className={`w-20 ${input}`}
							/>
						</label>
					</div>
					<button type="submit" className={`justify-self-start ${button}`}>
						Save details
					</button>
				</fetcher.Form>
			</details>
			<FormErrors errors={shown ? Object.values(shown).flat() : undefined} />
		</div>
	);
}
