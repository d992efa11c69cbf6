import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import {
	Form,
	isRouteErrorResponse,
	Link,
	useActionData,
	useLoaderData,
	useRouteError,
	useSearchParams,
} from "@remix-run/react";
import { z } from "zod";
import { getUser } from "~/auth/session.server";
import { FormErrors } from "~/components/forms";
import { AddToListForm } from "~/components/lists/AddToListForm";
import { WorkReviews } from "~/components/reviews/WorkReviews";
import { describeAttributes, externalUrl, sourceLabels } from "~/lib/attributes";
import { formatMinutes, statusLabels } from "~/lib/columns";
import { MAX_ITEMS_PER_LIST } from "~/lib/list-schemas";
import { mediaTypeLabels } from "~/lib/media-types";
import type { RatingScale } from "~/lib/rating";
import { reviewSorts } from "~/lib/review-schemas";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { addListItem, listListsWithWork, listStaticListChoices } from "~/models/lists.server";
import { handleReviewIntent, type ReviewReply } from "~/models/review-forms.server";
import { getMyReview, listWorkReviews } from "~/models/reviews.server";
import { addEntry, getEntry } from "~/models/tracking.server";
import { getWork } from "~/models/work.server";
import { entryStatuses } from "../../db/schema/columns";

const MediaId = z.uuid();
const ReviewView = z.object({
	reviewSort: z.enum(reviewSorts).catch("newest"),
	reviewAfter: z.string().max(300).nullable().catch(null),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.work.title} · OmniMediaTrak` : "Not found · OmniMediaTrak" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
	const id = MediaId.safeParse(params.mediaId);
	if (!id.success) throw new Response("Not found", { status: 404 });
	const [work, user] = await Promise.all([getWork(id.data), getUser(request)]);
	if (!work) throw new Response("Not found", { status: 404 });
	const none = Promise.resolve([]);
	const search = new URL(request.url).searchParams;
	const view = ReviewView.parse({
		reviewSort: search.get("reviewSort") ?? undefined,
		reviewAfter: search.get("reviewAfter"),
	});
	const [entry, staticLists, inLists, reviews, myReview] = await Promise.all([
		user ? getEntry({ userId: user.id, mediaId: work.id }) : null,
		user ? listStaticListChoices({ userId: user.id }) : none,
		user ? listListsWithWork({ userId: user.id, mediaId: work.id }) : none,
		listWorkReviews({ mediaId: work.id, viewerId: user?.id ?? null, sort: view.reviewSort, after: view.reviewAfter }),
		user ? getMyReview({ userId: user.id, mediaId: work.id }) : null,
	]);
	return {
		reviews,
		reviewSort: view.reviewSort,
		myReview,
		work,
		entry,
		signedIn: Boolean(user),
		ratingScale: user?.ratingScale ?? 10,
		staticLists,
		inLists,
	};
}

const AddForm = z.object({ intent: z.literal("add"), status: z.enum(entryStatuses) });
const AddToListFields = z.object({
	intent: z.literal("add-to-list"),
	listId: z.uuid("Choose one of your lists."),
	mediaId: z.uuid("Choose a work."),
	returnTo: z.string().max(2048).optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
	const id = MediaId.safeParse(params.mediaId);
	if (!id.success) throw new Response("Not found", { status: 404 });
	const here = `/catalog/${id.data}`;
	const user = await getUser(request);
	if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: here })}`);
	const form = Object.fromEntries(await request.formData());
	const bad = (error: string) => Response.json({ error }, { status: 400 });
	switch (form.intent) {
		case "add": {
			const parsed = AddForm.safeParse(form);
			if (!parsed.success) return bad("Choose a status.");
			const result = await addEntry({ userId: user.id, mediaId: id.data, status: parsed.data.status });
			if (result === "no-such-work") throw new Response("Not found", { status: 404 });
			return redirect(here);
		}
		// The list is chosen in the form, so "Add to list…" posts here rather than to /lists/<listId>.
		case "add-to-list": {
			const parsed = AddToListFields.safeParse(form);
			if (!parsed.success) return bad(parsed.error.issues[0].message);
			if (parsed.data.mediaId !== id.data) return bad("That work is not the one on this page.");
			const result = await addListItem({ userId: user.id, listId: parsed.data.listId, mediaId: id.data });
			if (result === "no-such-work") throw new Response("Not found", { status: 404 });
			// The list is a field of the form here (not the page's address): a list that is not the person's
			// is bad input, answered like any other, and says nothing about whose list it is.
			if (result === "no-such-list") return bad("Choose one of your lists.");
			if (result === "not-static") return bad("A smart list's works come from its filter.");
			if (result === "list-full")
				return bad(
					`That list already holds ${MAX_ITEMS_PER_LIST.toLocaleString("en")} works, the most a list can hold.`,
				);
			return redirect(safeRedirectPath(parsed.data.returnTo, here));
		}
		case "review-save":
		case "review-delete":
		case "review-helpful":
			return handleReviewIntent({ user, form, mediaId: id.data, fallback: `${here}#reviews` });
		default:
			return bad("Unknown action.");
	}
}

function releaseText(date: string | null, precision: unknown): string {
	if (!date) return "Unknown";
	if (precision === "year") return date.slice(0, 4);
	const d = new Date(`${date}T00:00:00Z`);
	return d.toLocaleDateString("en-GB", {
		timeZone: "UTC",
		year: "numeric",
		month: "long",
		...(precision === "month" ? {} : { day: "numeric" }),
	});
}

function showRating(value: number, scale: number): string {
	if (scale === 5) return `${(value / 20).toFixed(1)} / 5`;
	if (scale === 10) return `${(value / 10).toFixed(1)} / 10`;
	return `${Math.round(value)} / 100`;
}

export default function WorkPage() {
	const { work, entry, signedIn, ratingScale, staticLists, inLists, reviews, reviewSort, myReview } =
		useLoaderData<typeof loader>();
	const actionData = useActionData<typeof action>() as { error?: string } | ReviewReply | undefined;
	const actionError = actionData && "error" in actionData ? actionData.error : undefined;
	const reviewReply = actionData && "fieldErrors" in actionData ? actionData : undefined;
	// The catalog's rows link to `?addToList=1#add-to-list`: the picker opens without JavaScript.
	const [search] = useSearchParams();
	const attributes = describeAttributes(work.attributes);
	const country = work.countryOfOrigin
		? (new Intl.DisplayNames(["en"], { type: "region" }).of(work.countryOfOrigin) ?? work.countryOfOrigin)
		: "—";
	return (
		<article className="work-page grid gap-6 lg:grid-cols-[2fr_1fr]" aria-labelledby="work-title">
			<div className="grid content-start gap-6">
				<header>
					<p className="text-sm text-muted">
						<Link to={`/catalog?class=${work.mediaClass}`} className="hover:underline">
							{work.classLabel}
						</Link>{" "}
						· {mediaTypeLabels[work.mediaType]}
					</p>
					<h1 id="work-title" className="mt-1 text-3xl font-bold">
						{work.title}
					</h1>
					<p className="creators mt-2">
						{work.creators.map((creator, i) => (
							<span key={creator}>
								{i > 0 ? ", " : ""}
								<Link to={`/catalog?${new URLSearchParams({ creator })}`} className="underline">
									{creator}
								</Link>
							</span>
						))}
					</p>
				</header>
				<dl className="work-facts grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-xl border border-line bg-surface p-5 text-sm">
					<dt className="text-muted">Released</dt>
					<dd>{releaseText(work.releaseDate, work.attributes.release_precision)}</dd>
					<dt className="text-muted">Country</dt>
					<dd>{country}</dd>
					<dt className="text-muted">Estimated time to finish</dt>
					<dd className="estimated-time">{formatMinutes(work.estimatedMinutes)}</dd>
					{attributes.map((attribute) => (
						<div key={attribute.label} className="contents">
							<dt className="text-muted">{attribute.label}</dt>
							<dd>{attribute.value}</dd>
						</div>
					))}
					<dt className="text-muted">Community rating</dt>
					<dd className="community-rating">
						{work.ratingAvg === null
							? "No ratings yet"
							: `${showRating(work.ratingAvg, ratingScale)} from ${work.ratingsCount}`}
					</dd>
					<dt className="text-muted">In lists</dt>
					<dd>{work.trackingCount}</dd>
				</dl>
				{work.franchise ? (
					<section className="franchise grid gap-3" aria-labelledby="franchise-title">
						<h2 id="franchise-title" className="text-xl font-semibold">
							Franchise
						</h2>
						<nav aria-label="Franchise" className="breadcrumbs text-sm">
							<ol className="flex flex-wrap gap-1">
								{work.franchise.breadcrumbs.map((crumb, i) => (
									<li key={crumb.path} className="flex gap-1">
										{i > 0 ? <span aria-hidden="true">›</span> : null}
										{i < work.franchise!.breadcrumbs.length - 1 ? (
											<Link to={`/catalog?franchise=${crumb.path}`} className="underline">
												{crumb.label}
											</Link>
										) : (
											<span aria-current="page">{crumb.label}</span>
										)}
									</li>
								))}
							</ol>
						</nav>
						<table className="franchise-works w-full text-left text-sm">
							<thead className="text-muted">
								<tr>
									<th scope="col" className="py-1 font-medium">
										Title
									</th>
									<th scope="col" className="py-1 font-medium">
										Type
									</th>
									<th scope="col" className="py-1 font-medium">
										Year
									</th>
								</tr>
							</thead>
							<tbody>
								{work.franchise.works.map((other) => (
									<tr
										key={other.id}
										className="border-t border-line"
										aria-current={other.id === work.id ? "true" : undefined}
									>
										<td className="py-1">
											{other.id === work.id ? (
												<strong>{other.title}</strong>
											) : (
												<Link to={`/catalog/${other.id}`} className="hover:underline">
													{other.title}
												</Link>
											)}
										</td>
										<td className="py-1">{mediaTypeLabels[other.mediaType]}</td>
										<td className="py-1 tabular-nums">{other.releaseDate?.slice(0, 4) ?? "—"}</td>
									</tr>
								))}
							</tbody>
						</table>
					</section>
				) : null}
				<WorkReviews
					mediaId={work.id}
					reviews={reviews.rows}
					nextCursor={reviews.nextCursor}
					sort={reviewSort}
					count={work.reviewsCount}
					myReview={myReview}
					signedIn={signedIn}
					scale={ratingScale as RatingScale}
					errors={reviewReply?.fieldErrors}
					values={reviewReply?.values}
				/>
			</div>
			<aside className="grid content-start gap-4">
				<FormErrors errors={actionError ? [actionError] : undefined} />
				<section className="my-entry rounded-xl border border-line bg-surface p-5" aria-labelledby="entry-title">
					<h2 id="entry-title" className="font-semibold">
						My list
					</h2>
					{entry ? (
						<p className="mt-2 text-sm">
							<span className="my-status rounded-full bg-surface-2 px-2 py-0.5">{statusLabels[entry.status]}</span>
							{entry.rating !== null ? ` · rated ${showRating(entry.rating, ratingScale)}` : null}
							{entry.progress ? ` · progress ${entry.progress}` : null}
						</p>
					) : signedIn ? (
						<Form method="post" className="mt-2 flex items-center gap-2">
							<input type="hidden" name="intent" value="add" />
							<label htmlFor="add-status" className="sr-only">
								Status
							</label>
							<select
								id="add-status"
								name="status"
								defaultValue="planning"
								className="rounded-md border border-line bg-surface px-2 py-1 text-sm"
							>
								{entryStatuses.map((s) => (
									<option key={s} value={s}>
										{statusLabels[s]}
									</option>
								))}
							</select>
							<button type="submit" className="rounded-md bg-accent px-3 py-1 text-sm font-medium text-on-accent">
								Add to my list
							</button>
						</Form>
					) : (
						<p className="mt-2 text-sm">
							<Link to={`/login?${new URLSearchParams({ redirectTo: `/catalog/${work.id}` })}`} className="underline">
								Sign in
							</Link>{" "}
							to add it to your list.
						</p>
					)}
				</section>
				{signedIn ? (
					<section className="work-lists rounded-xl border border-line bg-surface p-5" aria-labelledby="lists-title">
						<h2 id="lists-title" className="font-semibold">
							Lists
						</h2>
						{inLists.length > 0 ? (
							<p className="in-lists mt-2 text-sm">
								In{" "}
								{inLists.map((list, i) => (
									<span key={list.id}>
										{i > 0 ? ", " : ""}
										<Link to={`/lists/${list.id}`} className="underline">
											{list.name}
										</Link>
									</span>
								))}
							</p>
						) : null}
						<div className="mt-2">
							<AddToListForm
								id="add-to-list"
								open={search.get("addToList") === "1"}
								lists={staticLists}
								mediaId={work.id}
							/>
						</div>
					</section>
				) : null}
				{work.links.length > 0 ? (
					<section
						className="external-links rounded-xl border border-line bg-surface p-5"
						aria-labelledby="links-title"
					>
						<h2 id="links-title" className="font-semibold">
							Elsewhere
						</h2>
						<ul className="mt-2 grid gap-1 text-sm">
							{work.links.map((link) => {
								const url = externalUrl(link.source, link.key, work.mediaType);
								return (
									<li key={`${link.source}:${link.key}`}>
										{url ? (
											<a href={url} rel="noopener noreferrer external" className="underline">
												{sourceLabels[link.source] ?? link.source}
											</a>
										) : (
											`${sourceLabels[link.source] ?? link.source}: ${link.key}`
										)}
									</li>
								);
							})}
						</ul>
					</section>
				) : null}
			</aside>
		</article>
	);
}

export function ErrorBoundary() {
	const error = useRouteError();
	const notFound = isRouteErrorResponse(error) && error.status === 404;
	// "Add to list…" with a list id that is not the person's answers 404 too, about the list.
	const noList = notFound && error.data === "No such list";
	return (
		<section className="mx-auto max-w-xl py-16 text-center" aria-labelledby="missing-title">
			<h1 id="missing-title" className="text-2xl font-bold">
				{noList ? "No such list" : notFound ? "No such work" : "Something went wrong"}
			</h1>
			<p className="mt-3 text-muted">
				{noList
					? "You have no list with that id."
					: notFound
						? "The catalog has no work at this address."
						: "Please try again."}
			</p>
			<Link to={noList ? "/lists" : "/catalog"} className="mt-6 inline-block underline">
				{noList ? "Back to lists" : "Browse the catalog"}
			</Link>
		</section>
	);
}
