import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { useState } from "react";
import { requireUser } from "~/auth/session.server";
import { ControlsBar } from "~/components/catalog/ControlsBar";
import { MediaTypeSidebar } from "~/components/catalog/MediaTypeSidebar";
import { Pager } from "~/components/catalog/Pager";
import { FormErrors } from "~/components/forms";
import { BULK_FORM_ID, EntriesTable } from "~/components/lists/EntriesTable";
import { formatMinutes, statusLabels } from "~/lib/columns";
import {
	BulkForm,
	fieldErrorsOf,
	RemoveEntryForm,
	RestoreEntryForm,
	storedRatingOf,
	UpdateEntryForm,
} from "~/lib/entry-forms";
import { canonicalColumnsHref, parseFilterSpec, specHref } from "~/lib/filter-spec";
import type { RatingScale } from "~/lib/rating";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { listFranchiseRoots } from "~/models/catalog.server";
import { bulkChange, removeEntry, restoreEntry, type UpdateResult, updateEntry } from "~/models/entries.server";
import { listUserLists } from "~/models/lists.server";
import { type EntryRow, getMyClassTree, listMyEntries, summariseEntries } from "~/models/my-list.server";
import { entryStatuses } from "../../db/schema/columns";

export const meta: MetaFunction = () => [{ title: "My list · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const url = new URL(request.url);
	const canonical = canonicalColumnsHref(url);
	if (canonical) throw redirect(canonical);
	const spec = parseFilterSpec(url.searchParams, "lists");
	const [page, summary, classTree, franchises, lists] = await Promise.all([
		listMyEntries({ userId: user.id, spec }),
		summariseEntries({ userId: user.id }),
		getMyClassTree({ userId: user.id }),
		listFranchiseRoots(),
		listUserLists({ userId: user.id }),
	]);
	return { spec, page, summary, classTree, franchises, lists, ratingScale: user.ratingScale as RatingScale };
}

type Reply = { mediaId?: string; fieldErrors: Record<string, string[]> };
const badRequest = (reply: Reply) => Response.json(reply, { status: 400 });
const notFound = () => new Response("Not found", { status: 404 });

/** A model's refusal as the reply the page shows next to the row (404 when the entry is not the person's). */
function replyTo(result: UpdateResult, mediaId: string | undefined, returnTo: string) {
	if (result.ok) return redirect(returnTo);
	if (result.reason === "not-found") throw notFound();
	return badRequest({ mediaId, fieldErrors: { [result.field]: [result.message] } });
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const formData = await request.formData();
	const form = Object.fromEntries(formData);
	const returnTo = safeRedirectPath(form.returnTo, "/lists");
	const mediaId = typeof form.mediaId === "string" ? form.mediaId : undefined;
	const scale = user.ratingScale as RatingScale;
	switch (form.intent) {
		case "update": {
			const parsed = UpdateEntryForm.safeParse(form);
			if (!parsed.success) return badRequest({ mediaId, fieldErrors: fieldErrorsOf(parsed.error) });
			const { intent: _i, returnTo: _r, mediaId: id, rating, ...change } = parsed.data;
			const stored = storedRatingOf(rating, scale);
			if (!stored.ok) return badRequest({ mediaId, fieldErrors: { rating: [stored.message] } });
			return replyTo(
				await updateEntry({ userId: user.id, mediaId: id, change: { ...change, rating: stored.value } }),
				id,
				returnTo,
			);
		}
		case "remove": {
			const parsed = RemoveEntryForm.safeParse(form);
			if (!parsed.success) return badRequest({ mediaId, fieldErrors: fieldErrorsOf(parsed.error) });
			if (!(await removeEntry({ userId: user.id, mediaId: parsed.data.mediaId }))) throw notFound();
			return redirect(returnTo);
		}
		case "restore": {
			const parsed = RestoreEntryForm.safeParse(form);
			if (!parsed.success) return badRequest({ mediaId, fieldErrors: fieldErrorsOf(parsed.error) });
			const { intent: _i, returnTo: _r, mediaId: id, ...entry } = parsed.data;
			return replyTo(await restoreEntry({ userId: user.id, mediaId: id, entry }), id, returnTo);
		}
		case "bulk": {
			const parsed = BulkForm.safeParse({ ...form, mediaId: formData.getAll("mediaId") });
			if (!parsed.success) return badRequest({ fieldErrors: fieldErrorsOf(parsed.error) });
			const { operation, bulkStatus } = parsed.data;
			if (operation === "status" && !bulkStatus)
				return badRequest({ fieldErrors: { bulkStatus: ["Choose a status."] } });
			const result = await bulkChange({
				userId: user.id,
				mediaIds: parsed.data.mediaId,
				operation: operation === "remove" ? { kind: "remove" } : { kind: "status", status: bulkStatus ?? "planning" },
			});
			return replyTo(result, undefined, returnTo);
		}
		default:
			return badRequest({ fieldErrors: { intent: ["Unknown action."] } });
	}
}

/** After a remove with JavaScript: the removed entry with a button that puts it back as it was. */
function UndoBar({ entry, onDone }: { entry: EntryRow; onDone: () => void }) {
	const fetcher = useFetcher({ key: "undo-remove" });
	// Undo waits for the remove to finish, so the restore cannot land before the delete.
	const removing = useFetcher({ key: `remove-${entry.mediaId}` }).state !== "idle";
	const location = useLocation();
	const values: [string, string][] = [
		["intent", "restore"],
		["mediaId", entry.mediaId],
		["status", entry.status],
		["progress", String(entry.progress)],
		["rating", entry.rating === null ? "" : String(entry.rating)],
		["notes", entry.notes ?? ""],
		["startedAt", entry.startedAt ?? ""],
		["completedAt", entry.completedAt ?? ""],
		["repeatCount", String(entry.repeatCount)],
		["returnTo", `${location.pathname}${location.search}`],
	];
	return (
		<div
			role="status"
			className="undo-bar flex items-center gap-3 rounded-xl border border-line bg-surface-2 px-4 py-2 text-sm"
		>
			<span>Removed “{entry.title}”.</span>
			<fetcher.Form method="post" onSubmit={onDone}>
				{values.map(([name, value]) => (
					<input key={name} type="hidden" name={name} value={value} />
				))}
				<button type="submit" disabled={removing} className="font-medium underline disabled:opacity-50">
					Undo
				</button>
			</fetcher.Form>
			<button type="button" onClick={onDone} className="ml-auto text-muted" aria-label="Dismiss">
				×
			</button>
		</div>
	);
}

function Summary({ summary }: { summary: ReturnType<typeof useLoaderData<typeof loader>>["summary"] }) {
	const count = (status: string) => summary.byStatus.find((s) => s.status === status)?.entries ?? 0;
	const total = summary.byStatus.reduce((sum, s) => sum + s.entries, 0);
	return (
		<p className="list-summary text-sm text-muted">
			{entryStatuses.map((s) => `${statusLabels[s]} ${count(s)}`).join(" · ")} · {total}{" "}
			{total === 1 ? "entry" : "entries"} · time left {formatMinutes(summary.minutesLeft)} · time spent{" "}
			{formatMinutes(summary.minutesSpent)}
		</p>
	);
}

/** The person's own lists and pages, beside their entries. */
function MyListsNav({ lists }: { lists: { id: string; name: string; kind: string; itemCount: number }[] }) {
	const link = "flex justify-between gap-2 rounded-md px-3 py-1.5 hover:bg-surface";
	return (
		<nav aria-label="My lists" className="my-lists grid gap-1 text-sm">
			<h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-muted">My lists</h2>
			<ul className="grid gap-1">
				{lists.map((list) => (
					<li key={list.id}>
						<Link to={`/lists/${list.id}`} className={link}>
							<span className="truncate">{list.name}</span>
							<span className="text-muted">{list.kind === "smart" ? "smart" : list.itemCount}</span>
						</Link>
					</li>
				))}
				<li>
					<Link to="/lists/new" className={`${link} underline`}>
						New list
					</Link>
				</li>
				<li>
					<Link to="/lists/stats" className={link}>
						My stats
					</Link>
				</li>
			</ul>
		</nav>
	);
}

function BulkBar() {
	return (
		<Form method="post" id={BULK_FORM_ID} className="bulk-bar flex flex-wrap items-center gap-2 text-sm">
			<input type="hidden" name="intent" value="bulk" />
			<span className="text-muted">Selected rows:</span>
			<label className="sr-only" htmlFor="bulkStatus">
				New status
			</label>
			<select id="bulkStatus" name="bulkStatus" className="rounded-md border border-line bg-surface px-2 py-1">
				{entryStatuses.map((s) => (
					<option key={s} value={s}>
						{statusLabels[s]}
					</option>
				))}
			</select>
			<button type="submit" name="operation" value="status" className="rounded-md border border-line px-2 py-1">
				Set status
			</button>
			<button type="submit" name="operation" value="remove" className="rounded-md border border-line px-2 py-1">
				Remove selected
			</button>
		</Form>
	);
}

export default function MyList() {
	const { spec, page, summary, classTree, franchises, lists, ratingScale } = useLoaderData<typeof loader>();
	const reply = useActionData<typeof action>() as Reply | undefined;
	const location = useLocation();
	const pathname = location.pathname;
	const [removed, setRemoved] = useState<EntryRow | null>(null);
	// The undo fetcher stays mounted with the page: the bar closes as Undo is clicked, and the router drops
	// the redirect of a fetcher no longer mounted (v3_fetcherPersist), so the restored row would not show.
	useFetcher({ key: "undo-remove" });
	const rowErrors = reply?.mediaId ? reply : undefined;
	const pageErrors = reply && !reply.mediaId ? Object.values(reply.fieldErrors).flat() : undefined;
	return (
		<div className="grid gap-6 md:grid-cols-[14rem_1fr]">
			<div className="grid content-start gap-4">
				<MediaTypeSidebar nodes={classTree} spec={spec} pathname={pathname} />
				<MyListsNav lists={lists} />
			</div>
			<section aria-labelledby="list-title" className="grid min-w-0 content-start gap-4">
				<div className="flex flex-wrap items-baseline justify-between gap-2">
					<h1 id="list-title" className="text-2xl font-bold">
						My list
					</h1>
					<p className="result-count text-sm text-muted">
						{page.totalCapped ? `${page.total.toLocaleString("en")}+` : page.total.toLocaleString("en")}{" "}
						{page.total === 1 ? "entry" : "entries"}
					</p>
				</div>
				<Summary summary={summary} />
				<nav aria-label="Status" className="status-tabs flex flex-wrap gap-1 text-sm">
					{[null, ...entryStatuses].map((s) => {
						const active = s === null ? spec.status.length === 0 : spec.status.length === 1 && spec.status[0] === s;
						return (
							<Link
								key={s ?? "all"}
								to={specHref(pathname, spec, { status: s ? [s] : [] })}
								className={`rounded-md px-3 py-1 ${active ? "active bg-accent text-on-accent" : "hover:bg-surface"}`}
								aria-current={active ? "page" : undefined}
							>
								{s ? statusLabels[s] : "All"}
							</Link>
						);
					})}
				</nav>
				<ControlsBar spec={spec} pathname={pathname} franchises={franchises} signedIn />
				{removed ? <UndoBar entry={removed} onDone={() => setRemoved(null)} /> : null}
				<FormErrors errors={pageErrors} />
				{page.rows.length === 0 ? (
					<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
						{summary.byStatus.length === 0 ? "Nothing here yet. " : "No entries match these filters. "}
						<Link to="/catalog" className="underline">
							Find something in the catalog
						</Link>
						.
					</p>
				) : (
					<>
						<BulkBar />
						<EntriesTable
							rows={page.rows}
							spec={spec}
							pathname={pathname}
							scale={ratingScale}
							errors={rowErrors}
							onRemoved={setRemoved}
						/>
					</>
				)}
				<Pager spec={spec} pathname={pathname} nextCursor={page.nextCursor} />
			</section>
		</div>
	);
}
