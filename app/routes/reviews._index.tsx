import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { ControlsBar } from "~/components/catalog/ControlsBar";
import { Pager } from "~/components/catalog/Pager";
import { FormErrors } from "~/components/forms";
import { MyReviewsTable } from "~/components/reviews/MyReviewsTable";
import { canonicalColumnsHref, parseFilterSpec } from "~/lib/filter-spec";
import type { RatingScale } from "~/lib/rating";
import { listFranchiseRoots } from "~/models/catalog.server";
import { listMyReviews } from "~/models/my-reviews.server";
import { handleReviewIntent, type ReviewReply } from "~/models/review-forms.server";

export const meta: MetaFunction = () => [{ title: "My reviews · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const url = new URL(request.url);
	const canonical = canonicalColumnsHref(url);
	if (canonical) throw redirect(canonical);
	const spec = parseFilterSpec(url.searchParams, "reviews");
	const [page, franchises] = await Promise.all([listMyReviews({ userId: user.id, spec }), listFranchiseRoots()]);
	return { spec, page, franchises, ratingScale: user.ratingScale as RatingScale };
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const form = Object.fromEntries(await request.formData());
	if (form.intent !== "review-save" && form.intent !== "review-delete")
		return Response.json(
			{ intent: String(form.intent), fieldErrors: { intent: ["Unknown action."] } } satisfies ReviewReply,
			{
				status: 400,
			},
		);
	return handleReviewIntent({ user, form, mediaId: null, fallback: "/reviews" });
}

export default function MyReviews() {
	const { spec, page, franchises, ratingScale } = useLoaderData<typeof loader>();
	const reply = useActionData<typeof action>() as ReviewReply | undefined;
	const pathname = useLocation().pathname;
	return (
		<section aria-labelledby="reviews-title" className="grid min-w-0 content-start gap-4">
			<div className="flex flex-wrap items-baseline justify-between gap-2">
				<h1 id="reviews-title" className="text-2xl font-bold">
					My reviews
				</h1>
				<p className="result-count text-sm text-muted">
					{page.total.toLocaleString("en")} {page.total === 1 ? "review" : "reviews"}
				</p>
			</div>
			<ControlsBar spec={spec} pathname={pathname} franchises={franchises} signedIn />
			<FormErrors errors={reply ? Object.values(reply.fieldErrors).flat() : undefined} />
			{page.rows.length === 0 ? (
				<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
					{page.total === 0 && spec.page === 1 ? "No reviews match. " : "Nothing on this page. "}
					<Link to="/catalog" className="underline">
						Find something to review in the catalog
					</Link>
					.
				</p>
			) : (
				<MyReviewsTable rows={page.rows} spec={spec} pathname={pathname} scale={ratingScale} />
			)}
			<Pager spec={spec} pathname={pathname} nextCursor={null} nextPage={page.nextPage} />
		</section>
	);
}
