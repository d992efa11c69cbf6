import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { FormErrors } from "~/components/forms";
import { formatMinutes, statusLabels } from "~/lib/columns";
import { mediaTypeLabels } from "~/lib/media-types";
import { fromStoredRating, type RatingScale, toStoredRating } from "~/lib/rating";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { type EntryRow, listEntries, removeEntry, summariseEntries, updateEntry } from "~/models/entries.server";
import { entryStatuses } from "../../db/schema/columns";

export const meta: MetaFunction = () => [{ title: "My list · OmniMediaTrak" }];

// Partial view of issue "Tracking and lists": status filter, sort, inline status/progress/rating, remove.
const sorts = ["updated", "title", "status", "rating", "time"] as const;
const ListQuery = z.object({
	status: z.array(z.enum(entryStatuses)).catch([]),
	sort: z.enum(sorts).catch("updated"),
	dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const params = new URL(request.url).searchParams;
	const query = ListQuery.parse({
		status: params.getAll("status"),
		sort: params.get("sort") ?? undefined,
		dir: params.get("dir") ?? undefined,
	});
	const dir = query.dir ?? (query.sort === "title" || query.sort === "time" ? "asc" : "desc");
	const [entries, summary] = await Promise.all([
		listEntries({ userId: user.id, statuses: query.status, sort: query.sort, dir }),
		summariseEntries({ userId: user.id }),
	]);
	return { entries, summary, statuses: query.status, sort: query.sort, dir, ratingScale: user.ratingScale };
}

const optionalNumber = z.preprocess(
	(v) => (v === "" || v === undefined ? undefined : Number(v)),
	z.number().optional(),
);
const UpdateForm = z.object({
	intent: z.literal("update"),
	mediaId: z.uuid("Unknown work."),
	status: z.enum(entryStatuses, { error: "Choose a status." }).optional(),
	progress: optionalNumber.pipe(
		z.number().int("Progress is a whole number.").min(0, "Progress cannot be negative.").optional(),
	),
	rating: z.preprocess(
		(v) => (v === "" ? null : v === undefined ? undefined : Number(v)),
		z.number().nullable().optional(),
	),
	returnTo: z.string().max(2048).optional(),
});
const RemoveForm = z.object({
	intent: z.literal("remove"),
	mediaId: z.uuid("Unknown work."),
	returnTo: z.string().max(2048).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const form = Object.fromEntries(await request.formData());
	const returnTo = safeRedirectPath(form.returnTo, "/lists");
	const bad = (message: string) => Response.json({ error: message }, { status: 400 });
	if (form.intent === "remove") {
		const parsed = RemoveForm.safeParse(form);
		if (!parsed.success) return bad(parsed.error.issues[0].message);
		if (!(await removeEntry({ userId: user.id, mediaId: parsed.data.mediaId })))
			throw new Response("Not found", { status: 404 });
		return redirect(returnTo);
	}
	if (form.intent === "update") {
		const parsed = UpdateForm.safeParse(form);
		if (!parsed.success) return bad(parsed.error.issues[0].message);
		const { mediaId, status, progress, rating } = parsed.data;
		let stored: number | null | undefined = rating === null ? null : undefined;
		if (typeof rating === "number") {
			stored = toStoredRating(rating, user.ratingScale as RatingScale);
			if (stored === null)
				return bad(`Rate from 0 to ${user.ratingScale}${user.ratingScale === 5 ? " in half stars" : ""}.`);
		}
		const result = await updateEntry({ userId: user.id, mediaId, change: { status, progress, rating: stored } });
		if (!result.ok && result.reason === "not-found") throw new Response("Not found", { status: 404 });
		if (!result.ok && result.reason === "invalid") return bad(result.message);
		return redirect(returnTo);
	}
	return bad("Unknown action.");
}

function EntryEditor({ entry, scale }: { entry: EntryRow; scale: number }) {
	const fetcher = useFetcher({ key: `entry-${entry.mediaId}` });
	const location = useLocation();
	const here = `${location.pathname}${location.search}`;
	return (
		<fetcher.Form method="post" className="entry-editor flex flex-wrap items-center gap-2">
			<input type="hidden" name="intent" value="update" />
			<input type="hidden" name="mediaId" value={entry.mediaId} />
			<input type="hidden" name="returnTo" value={here} />
			<label className="sr-only" htmlFor={`status-${entry.mediaId}`}>
				Status
			</label>
			<select
				id={`status-${entry.mediaId}`}
				name="status"
				defaultValue={entry.status}
				className="rounded-md border border-line bg-surface px-1 py-0.5 text-xs"
			>
				{entryStatuses.map((s) => (
					<option key={s} value={s}>
						{statusLabels[s]}
					</option>
				))}
			</select>
			<label className="flex items-center gap-1 text-xs">
				Progress
				<input
					name="progress"
					type="number"
					min={0}
					max={entry.progressTotal ?? undefined}
					defaultValue={entry.progress}
					className="w-16 rounded-md border border-line bg-surface px-1 py-0.5"
				/>
				{entry.progressTotal ? <span className="text-muted">/ {entry.progressTotal}</span> : null}
			</label>
			<label className="flex items-center gap-1 text-xs">
				Rating
				<input
					name="rating"
					type="number"
					min={0}
					max={scale}
					step={scale === 5 ? 0.5 : 1}
					defaultValue={entry.rating === null ? "" : fromStoredRating(entry.rating, scale as RatingScale)}
					className="w-16 rounded-md border border-line bg-surface px-1 py-0.5"
				/>
			</label>
			<button type="submit" className="rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2">
				Save
			</button>
		</fetcher.Form>
	);
}

export default function MyList() {
	const { entries, summary, statuses, sort, dir, ratingScale } = useLoaderData<typeof loader>();
	const error = useActionData<typeof action>();
	const location = useLocation();
	const here = `${location.pathname}${location.search}`;
	const total = (status: string) => summary.find((s) => s.status === status);
	const planned = total("planning")?.minutes ?? 0;
	const spent = total("completed")?.minutes ?? 0;
	const sortLink = (key: (typeof sorts)[number]) => {
		const params = new URLSearchParams(location.search);
		params.set("sort", key);
		params.set(
			"dir",
			sort === key && dir === "desc"
				? "asc"
				: sort === key
					? "desc"
					: key === "title" || key === "time"
						? "asc"
						: "desc",
		);
		return `/lists?${params}`;
	};
	return (
		<section aria-labelledby="list-title" className="grid gap-4">
			<h1 id="list-title" className="text-2xl font-bold">
				My list
			</h1>
			<p className="list-summary text-sm text-muted">
				{entryStatuses.map((s) => `${statusLabels[s]} ${total(s)?.entries ?? 0}`).join(" · ")} · planned{" "}
				{formatMinutes(planned)} · completed {formatMinutes(spent)}
			</p>
			<nav aria-label="Status" className="flex flex-wrap gap-1 text-sm">
				<Link
					to="/lists"
					className={`rounded-md px-3 py-1 ${statuses.length === 0 ? "active bg-accent text-on-accent" : "hover:bg-surface"}`}
				>
					All
				</Link>
				{entryStatuses.map((s) => (
					<Link
						key={s}
						to={`/lists?status=${s}`}
						className={`rounded-md px-3 py-1 ${statuses.includes(s) ? "active bg-accent text-on-accent" : "hover:bg-surface"}`}
					>
						{statusLabels[s]}
					</Link>
				))}
			</nav>
			<FormErrors errors={error?.error ? [error.error] : undefined} />
			{entries.length === 0 ? (
				<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
					Nothing here yet.{" "}
					<Link to="/catalog" className="underline">
						Find something in the catalog
					</Link>
					.
				</p>
			) : (
				<div className="overflow-x-auto rounded-xl border border-line bg-surface">
					<table className="entries-table w-full text-left text-sm">
						<thead className="border-b border-line text-muted">
							<tr>
								{(["title", "status", "rating", "time", "updated"] as const).map((key) => (
									<th
										key={key}
										scope="col"
										aria-sort={sort === key ? (dir === "asc" ? "ascending" : "descending") : "none"}
										className="px-3 py-2 font-medium"
									>
										<Link to={sortLink(key)} className="hover:underline">
											{
												{
													title: "Title",
													status: "Status",
													rating: "My rating",
													time: "Time left",
													updated: "Updated",
												}[key]
											}
										</Link>
									</th>
								))}
								<th scope="col" className="px-3 py-2 font-medium">
									<span className="sr-only">Edit</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{entries.map((entry) => (
								<tr
									key={entry.mediaId}
									className="border-b border-line align-top last:border-0"
									data-media-id={entry.mediaId}
								>
									<td className="px-3 py-2">
										<Link to={`/catalog/${entry.mediaId}`} className="font-medium hover:underline">
											{entry.title}
										</Link>
										<div className="text-xs text-muted">{mediaTypeLabels[entry.mediaType]}</div>
									</td>
									<td className="entry-status px-3 py-2">{statusLabels[entry.status]}</td>
									<td className="entry-rating px-3 py-2 tabular-nums">
										{entry.rating === null ? "—" : fromStoredRating(entry.rating, ratingScale as RatingScale)}
									</td>
									<td className="px-3 py-2 tabular-nums">{formatMinutes(entry.minutesLeft)}</td>
									<td className="px-3 py-2 tabular-nums">{entry.updatedAt.slice(0, 10)}</td>
									<td className="flex flex-wrap gap-2 px-3 py-2">
										<EntryEditor entry={entry} scale={ratingScale} />
										<Form method="post">
											<input type="hidden" name="intent" value="remove" />
											<input type="hidden" name="mediaId" value={entry.mediaId} />
											<input type="hidden" name="returnTo" value={here} />
											<button
												type="submit"
												className="rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2"
											>
												Remove
											</button>
										</Form>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	);
}
