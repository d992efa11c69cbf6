import { Link, useFetcher } from "@remix-run/react";

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
}: {
	lists: { id: string; name: string }[];
	mediaId: string;
	returnTo?: string;
}) {
	const fetcher = useFetcher<{ error?: string }>({ key: `add-to-list-${mediaId}` });
	const selectId = `add-to-list-${mediaId}`;
	const error = fetcher.state === "idle" ? fetcher.data?.error : undefined;
	return (
		<details className="add-to-list text-sm">
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
						<select id={selectId} name="listId" className="rounded-md border border-line bg-surface px-2 py-1">
							{lists.map((list) => (
								<option key={list.id} value={list.id}>
									{list.name}
								</option>
							))}
						</select>
						<button type="submit" className="rounded-md bg-accent px-3 py-1 font-medium text-on-accent">
							Add
						</button>
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
