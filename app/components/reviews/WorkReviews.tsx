import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { FieldErrors, FormErrors } from "~/components/forms";
import { fromStoredRating, type RatingScale } from "~/lib/rating";
import { REVIEW_MAX_LENGTH } from "~/lib/review-format";
import type { ReviewSort } from "~/lib/review-schemas";
import { ReviewBody } from "./ReviewBody";

export type WorkReviewView = {
	id: string;
	authorName: string;
	body: string;
	rating: number | null;
	spoiler: boolean;
	helpfulCount: number;
	createdAt: string;
	edited: boolean;
	mine: boolean;
	markedByMe: boolean;
};

type MyReview = { id: string; body: string; rating: number | null; spoiler: boolean } | null;
type ReviewValues = { body: string; rating: string; spoiler: boolean };

const button = "rounded-md border border-line px-3 py-1 text-sm hover:bg-surface-2";
const ratingText = (rating: number, scale: RatingScale) => `${fromStoredRating(rating, scale)} / ${scale}`;

/** "Helpful" on someone else's review: a toggle, counted at once with JavaScript, a plain post without. */
function HelpfulButton({ review, returnTo }: { review: WorkReviewView; returnTo: string }) {
	const fetcher = useFetcher();
	const pending = fetcher.formData?.get("reviewId") === review.id;
	const marked = pending ? !review.markedByMe : review.markedByMe;
	const count = review.helpfulCount + (pending ? (marked ? 1 : -1) : 0);
	return (
		<fetcher.Form method="post" preventScrollReset className="helpful-form">
			<input type="hidden" name="intent" value="review-helpful" />
			<input type="hidden" name="reviewId" value={review.id} />
			<input type="hidden" name="returnTo" value={returnTo} />
			<button type="submit" aria-pressed={marked} className={`${button} ${marked ? "bg-surface-2" : ""}`}>
				{marked ? "Marked helpful" : "Helpful"} <span className="helpful-count">({count})</span>
			</button>
		</fetcher.Form>
	);
}

function ReviewItem({
	review,
	scale,
	signedIn,
	returnTo,
}: {
	review: WorkReviewView;
	scale: RatingScale;
	signedIn: boolean;
	returnTo: string;
}) {
	return (
		<article className="review grid gap-2 border-t border-line pt-4" aria-label={`Review by ${review.authorName}`}>
			<header className="flex flex-wrap items-baseline gap-x-3 text-sm">
				<span className="review-author font-medium">{review.authorName}</span>
				{review.rating !== null ? <span className="review-rating">{ratingText(review.rating, scale)}</span> : null}
				<time dateTime={review.createdAt} className="text-muted">
					{review.createdAt.slice(0, 10)}
				</time>
				{review.edited ? <span className="text-muted">edited</span> : null}
			</header>
			{review.spoiler ? (
				<details className="spoiler">
					<summary className="cursor-pointer text-sm font-medium">Contains spoilers — show the review</summary>
					<div className="mt-2">
						<ReviewBody body={review.body} />
					</div>
				</details>
			) : (
				<ReviewBody body={review.body} />
			)}
			<footer className="flex items-center gap-3 text-sm text-muted">
				{signedIn && !review.mine ? (
					<HelpfulButton review={review} returnTo={returnTo} />
				) : (
					<span className="helpful-total">
						{review.helpfulCount} {review.helpfulCount === 1 ? "person" : "people"} found this helpful
					</span>
				)}
			</footer>
		</article>
	);
}

/** Write, edit or delete the person's own review of the work. */
function MyReviewForm({
	review,
	scale,
	errors,
	values,
	returnTo,
}: {
	review: MyReview;
	scale: RatingScale;
	errors: Record<string, string[]> | undefined;
	values: ReviewValues | undefined;
	returnTo: string;
}) {
	return (
		<div className="my-review grid gap-2 rounded-xl border border-line bg-surface p-4">
			<Form method="post" preventScrollReset className="review-form grid gap-3">
				<input type="hidden" name="intent" value="review-save" />
				<input type="hidden" name="returnTo" value={returnTo} />
				{review ? <input type="hidden" name="reviewId" value={review.id} /> : null}
				<FormErrors errors={errors?.form} />
				<div>
					<label htmlFor="review-body" className="block text-sm font-medium">
						{review ? "Your review" : "Write a review"}
					</label>
					<textarea
						id="review-body"
						name="body"
						rows={5}
						required
						maxLength={REVIEW_MAX_LENGTH}
						defaultValue={values?.body ?? review?.body ?? ""}
						aria-describedby="review-body-hint review-body-errors"
						className="mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-sm"
					/>
					<p id="review-body-hint" className="mt-1 text-xs text-muted">
						Plain text. Blank lines start paragraphs; *emphasis*, **strong** and http(s) links work.
					</p>
					<FieldErrors id="review-body-errors" errors={errors?.body} />
				</div>
				<div className="flex flex-wrap items-end gap-4">
					<div>
						<label htmlFor="review-rating" className="block text-sm font-medium">
							Rating (0–{scale}, optional)
						</label>
						<input
							id="review-rating"
							name="rating"
							type="number"
							min={0}
							max={scale}
							step={scale === 5 ? 0.5 : 1}
							defaultValue={values?.rating ?? (review?.rating == null ? "" : fromStoredRating(review.rating, scale))}
							aria-describedby="review-rating-errors"
							className="mt-1 block w-28 rounded-md border border-line bg-surface px-2 py-1 text-sm"
						/>
						<FieldErrors id="review-rating-errors" errors={errors?.rating} />
					</div>
					<label className="flex items-center gap-2 text-sm">
						<input
							type="checkbox"
							name="spoiler"
							value="on"
							defaultChecked={values?.spoiler ?? review?.spoiler ?? false}
						/>
						Contains spoilers
					</label>
					<button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent">
						{review ? "Save review" : "Post review"}
					</button>
				</div>
			</Form>
			{review ? (
				<Form method="post" preventScrollReset className="review-delete-form">
					<input type="hidden" name="intent" value="review-delete" />
					<input type="hidden" name="reviewId" value={review.id} />
					<input type="hidden" name="returnTo" value={returnTo} />
					<button type="submit" className={button}>
						Delete review
					</button>
				</Form>
			) : null}
		</div>
	);
}

export function WorkReviews({
	mediaId,
	reviews,
	nextCursor,
	sort,
	count,
	myReview,
	signedIn,
	scale,
	errors,
	values,
}: {
	mediaId: string;
	reviews: WorkReviewView[];
	nextCursor: string | null;
	sort: ReviewSort;
	count: number;
	myReview: MyReview;
	signedIn: boolean;
	scale: RatingScale;
	errors: Record<string, string[]> | undefined;
	values: ReviewValues | undefined;
}) {
	const location = useLocation();
	const returnTo = `${location.pathname}${location.search}`;
	const here = `/catalog/${mediaId}`;
	const sortHref = (to: ReviewSort) => (to === "newest" ? `${here}#reviews` : `${here}?reviewSort=${to}#reviews`);
	return (
		<section id="reviews" className="reviews grid gap-4" aria-labelledby="reviews-title">
			<div className="flex flex-wrap items-baseline justify-between gap-2">
				<h2 id="reviews-title" className="text-xl font-semibold">
					Reviews <span className="reviews-count text-muted">({count})</span>
				</h2>
				<nav aria-label="Order of reviews" className="review-sort flex gap-3 text-sm">
					{(["newest", "helpful"] as const).map((key) => (
						<Link
							key={key}
							to={sortHref(key)}
							aria-current={sort === key ? "true" : undefined}
							className={sort === key ? "font-semibold" : "underline"}
						>
							{key === "newest" ? "Newest" : "Most helpful"}
						</Link>
					))}
				</nav>
			</div>
			{signedIn ? (
				// Keyed by the review, so after a delete (with JavaScript) the fields start empty again.
				<MyReviewForm
					key={myReview?.id ?? "new"}
					review={myReview}
					scale={scale}
					errors={errors}
					values={values}
					returnTo={returnTo}
				/>
			) : (
				<p className="text-sm">
					<Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className="underline">
						Sign in
					</Link>{" "}
					to write a review.
				</p>
			)}
			{reviews.length === 0 ? <p className="text-sm text-muted">No reviews yet.</p> : null}
			{reviews.map((review) => (
				<ReviewItem key={review.id} review={review} scale={scale} signedIn={signedIn} returnTo={returnTo} />
			))}
			{nextCursor ? (
				<Link
					to={`${here}?${new URLSearchParams({ ...(sort === "newest" ? {} : { reviewSort: sort }), reviewAfter: nextCursor })}#reviews`}
					rel="next"
					className="text-sm underline"
				>
					More reviews
				</Link>
			) : null}
		</section>
	);
}
