import { redirect } from "@remix-run/node";
import { hitLimit, limits, tooManyMessage } from "~/auth/rate-limit.server";
import type { SignedInUser } from "~/auth/session.server";
import { fieldErrorsOf, storedRatingOf } from "~/lib/entry-forms";
import type { RatingScale } from "~/lib/rating";
import { REVIEW_MAX_LENGTH } from "~/lib/review-format";
import { ReviewDeleteForm, ReviewHelpfulForm, ReviewSaveForm } from "~/lib/review-schemas";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { deleteReview, saveReview, toggleHelpful } from "./reviews.server";

/**
 * The review intents, shared by the work page (`mediaId` from its URL) and /reviews (`mediaId` from
 * the form). Bad input is a 400 with messages per field and writes nothing; a review that is not the
 * person's is a 404; too many saves a 429 with Retry-After.
 */
export type ReviewReply = {
	intent: string;
	fieldErrors: Record<string, string[]>;
	/** What a refused review-save sent, so the form shows it again without JavaScript. */
	values?: { body: string; rating: string; spoiler: boolean };
};

const textOf = (value: FormDataEntryValue | undefined, max: number) =>
	typeof value === "string" ? value.slice(0, max) : "";
const notFound = () => new Response("Not found", { status: 404 });

export async function handleReviewIntent({
	user,
	form,
	mediaId: pageMediaId,
	fallback,
}: {
	user: SignedInUser;
	form: Record<string, FormDataEntryValue>;
	/** The work of the page the form is on, if any. */
	mediaId: string | null;
	/** Where to go back to when the form names no `returnTo`. */
	fallback: string;
}): Promise<Response> {
	const intent = String(form.intent);
	const values =
		intent === "review-save"
			? { body: textOf(form.body, REVIEW_MAX_LENGTH), rating: textOf(form.rating, 20), spoiler: form.spoiler === "on" }
			: undefined;
	const reply = (fieldErrors: Record<string, string[]>, init: ResponseInit = { status: 400 }) =>
		Response.json({ intent, fieldErrors, values } satisfies ReviewReply, init);
	const workOf = (posted: string | undefined) => {
		if (pageMediaId && posted && posted !== pageMediaId) return null;
		return pageMediaId ?? posted ?? null;
	};
	switch (intent) {
		case "review-save": {
			const parsed = ReviewSaveForm.safeParse(form);
			if (!parsed.success) return reply(fieldErrorsOf(parsed.error));
			const mediaId = workOf(parsed.data.mediaId);
			if (!mediaId) return reply({ mediaId: ["Choose the work this review is about."] });
			const rating = storedRatingOf(parsed.data.rating, user.ratingScale as RatingScale);
			if (!rating.ok) return reply({ rating: [rating.message] });
			const limit = await hitLimit(limits.reviewSavesPerAccount, user.id);
			if (limit.limited)
				return reply(
					{ form: [tooManyMessage(limit.retryAfter)] },
					{ status: 429, headers: { "Retry-After": String(limit.retryAfter) } },
				);
			const result = await saveReview({
				userId: user.id,
				mediaId,
				reviewId: parsed.data.reviewId,
				review: { body: parsed.data.body, rating: rating.value ?? null, spoiler: parsed.data.spoiler === "on" },
			});
			if (result === "no-such-work") return reply({ mediaId: ["There is no such work in the catalog."] });
			if (result === "not-found") throw notFound();
			return redirect(safeRedirectPath(parsed.data.returnTo, fallback));
		}
		case "review-delete": {
			const parsed = ReviewDeleteForm.safeParse(form);
			if (!parsed.success) return reply(fieldErrorsOf(parsed.error));
			const mediaId = workOf(parsed.data.mediaId);
			if (!mediaId) return reply({ mediaId: ["Choose the work whose review to delete."] });
			if (!(await deleteReview({ userId: user.id, mediaId, reviewId: parsed.data.reviewId }))) throw notFound();
			return redirect(safeRedirectPath(parsed.data.returnTo, fallback));
		}
		case "review-helpful": {
			const parsed = ReviewHelpfulForm.safeParse(form);
			if (!parsed.success) return reply(fieldErrorsOf(parsed.error));
			if (!pageMediaId) return reply({ intent: ["Mark reviews on the work's page."] });
			const result = await toggleHelpful({ userId: user.id, mediaId: pageMediaId, reviewId: parsed.data.reviewId });
			if (result === "not-found") throw notFound();
			if (result === "own-review") return reply({ reviewId: ["You cannot mark your own review as helpful."] });
			return redirect(safeRedirectPath(parsed.data.returnTo, fallback));
		}
		default:
			return reply({ intent: ["Unknown action."] });
	}
}
