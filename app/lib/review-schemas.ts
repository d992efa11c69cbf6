import { z } from "zod";
import { REVIEW_MAX_LENGTH } from "./review-format";

/**
 * The review forms (DESIGN "Form field names": `body`, `rating` on the person's scale, `spoiler`):
 * `review-save` and `review-delete` on the work page and on /reviews, `review-helpful` on the work page.
 * `mediaId` names the work on /reviews (the work page has it in its URL); `reviewId`, when sent, must be
 * the person's own review of that work.
 */

const blankToNull = (value: unknown) => (value === "" ? null : value);
const returnTo = z.string().max(2048).optional();
const mediaId = z.uuid("Unknown work.");
const reviewId = z.uuid("Unknown review.");

export const ReviewSaveForm = z.object({
	intent: z.literal("review-save"),
	mediaId: mediaId.optional(),
	reviewId: reviewId.optional(),
	body: z
		.string({ error: "Write your review." })
		.trim()
		.min(1, "Write your review.")
		.max(REVIEW_MAX_LENGTH, `A review can be at most ${REVIEW_MAX_LENGTH.toLocaleString("en")} characters.`)
		.refine((body) => !body.includes("\u0000"), "The review contains a character that cannot be stored."),
	rating: z.preprocess(blankToNull, z.coerce.number({ error: "Rating is a number." }).nullable().optional()),
	spoiler: z.enum(["on"], { error: "Tick the box or leave it empty." }).optional(),
	returnTo,
});

export const ReviewDeleteForm = z.object({
	intent: z.literal("review-delete"),
	mediaId: mediaId.optional(),
	reviewId: reviewId.optional(),
	returnTo,
});

export const ReviewHelpfulForm = z.object({ intent: z.literal("review-helpful"), reviewId, returnTo });

/** How a work's reviews are ordered on its page (`reviewSort`). */
export const reviewSorts = ["newest", "helpful"] as const;
export type ReviewSort = (typeof reviewSorts)[number];
