import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/**
 * "Add to list…" for one work. The person picks the list in the form, so the form cannot post to
 * /lists/<listId>; it posts intent `add-to-list` (listId, mediaId, returnTo) to the work page,
 * /catalog/<mediaId>, which redirects to returnTo (default: the work page). With JavaScript a
 * fetcher posts it, so a row of a table can use it without leaving the page.
 */
export function AddToListForm({
	lists,
	mediaId,
	returnTo,
	id,
	open,
	inline = false,
}: {
	lists: { id: string; name: string }[];
	mediaId: string;
	returnTo?: string;
	/** So a link can point at the picker (the catalog's rows link to `/catalog/<id>?addToList=1#add-to-list`). */
	id?: string;
	/** Rendered open: the address asked for the picker, or a click opened it. */
	open?: boolean;
	/**
	 * Opened by a click inside a table row (client only): the list choice takes the focus, and each add is
	 * confirmed here, since the row shows no lists (the work page lists them instead).
	 */
	inline?: boolean;
}) {
	const fetcher = useFetcher<{ error?: string }>({ key: `add-to-list-${mediaId}` });
	const selectId = `add-to-list-${mediaId}`;
	const error = fetcher.state === "idle" ? fetcher.data?.error : undefined;
	const posting = fetcher.formData?.get("listId");
	const [postedListId, setPostedListId] = useState<string | null>(null);
	useEffect(() => {
		if (typeof posting === "string") setPostedListId(posting);
	}, [posting]);
	// Opened by a click, the picker takes the focus from the link it replaced.
	const listChoice = useRef<HTMLSelectElement>(null);
	useEffect(() => {
		if (inline) listChoice.current?.focus();
	}, [inline]);
	const addedTo =
		inline && fetcher.state === "idle" && !error && postedListId
			? lists.find((list) => list.id === postedListId)?.name
			: undefined;
	return (
		<details id={id} open={open} className="add-to-list text-sm">
			<summary className="cursor-pointer rounded-md border border-line px-2 py-1 hover:bg-surface-2">
				Add to list…
			</summary>
			<div className="mt-2 grid gap-2">
				{lists.length > 0 ? (
					<fetcher.Form
						method="post"
						action={`/catalog/${mediaId}`}
						preventScrollReset
						className="flex flex-wrap items-center gap-2"
					>
						<input type="hidden" name="intent" value="add-to-list" />
						<input type="hidden" name="mediaId" value={mediaId} />
						{returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
						<label htmlFor={selectId} className="sr-only">
							List
						</label>
						<select
							id={selectId}
							name="listId"
							ref={listChoice}
							className="rounded-md border border-line bg-surface px-2 py-1"
						>
							{lists.map((list) => (
								<option key={list.id} value={list.id}>
									{list.name}
								</option>
							))}
						</select>
						<button type="submit" className="rounded-md bg-accent px-3 py-1 font-medium text-on-accent">
							Add
						</button>
						{/* A live region present from the start, so the confirmation is announced when it appears. */}
						{inline ? (
							<span role="status" className="added-to-list">
								{addedTo ? `Added to ${addedTo}.` : null}
							</span>
						) : null}
					</fetcher.Form>
				) : (
					<p className="text-muted">You have no lists yet.</p>
				)}
				{error ? (
					<p role="alert" className="text-warn">
						{error}
					</p>
				) : null}
				<Link to="/lists/new" className="underline">
					New list…
				</Link>
			</div>
		</details>
	);
}
