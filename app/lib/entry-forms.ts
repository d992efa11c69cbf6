import { z } from "zod";
import { entryStatuses } from "../../db/schema/columns";
import { type RatingScale, toStoredRating } from "./rating";

/**
 * The tracking forms of my list and the work page (DESIGN "Form field names"): `update`, `remove`,
 * `restore` (undo of a remove) and `bulk`. A field left out is not changed; an empty field clears it.
 */

const blankToNull = (value: unknown) => (value === "" ? null : value);
const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
	.refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), {
		message: "That date does not exist.",
	})
	.refine((value) => value >= "1900-01-01" && value <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), {
		message: "Use a date between 1900 and today.",
	});
const wholeNumber = (label: string, max: number) =>
	z.coerce
		.number({ error: `${label} is a number.` })
		.int(`${label} is a whole number.`)
		.min(0, `${label} cannot be negative.`)
		.max(max, `${label} can be at most ${max}.`);

const mediaId = z.uuid("Unknown work.");
const returnTo = z.string().max(2048).optional();

export const UpdateEntryForm = z.object({
	intent: z.literal("update"),
	mediaId,
	status: z.enum(entryStatuses, { error: "Choose a status." }).optional(),
	progress: wholeNumber("Progress", 1_000_000).optional(),
	rating: z.preprocess(blankToNull, z.coerce.number({ error: "Rating is a number." }).nullable().optional()),
	notes: z.preprocess(
		blankToNull,
		z.string().max(10_000, "Notes can be at most 10,000 characters.").nullable().optional(),
	),
	startedAt: z.preprocess(blankToNull, day.nullable().optional()),
	completedAt: z.preprocess(blankToNull, day.nullable().optional()),
	repeatCount: wholeNumber("Rewatch count", 999).optional(),
	returnTo,
});

export const RemoveEntryForm = z.object({ intent: z.literal("remove"), mediaId, returnTo });

export const RestoreEntryForm = z.object({
	intent: z.literal("restore"),
	mediaId,
	status: z.enum(entryStatuses, { error: "Choose a status." }),
	progress: wholeNumber("Progress", 1_000_000),
	rating: z.preprocess(blankToNull, z.coerce.number().int().min(0).max(100).nullable()),
	notes: z.preprocess(blankToNull, z.string().max(10_000).nullable()),
	startedAt: z.preprocess(blankToNull, day.nullable()),
	completedAt: z.preprocess(blankToNull, day.nullable()),
	repeatCount: wholeNumber("Rewatch count", 999),
	returnTo,
});

export const BulkForm = z.object({
	intent: z.literal("bulk"),
	mediaId: z.array(mediaId).min(1, "Select at least one row.").max(500, "Select at most 500 rows at a time."),
	operation: z.enum(["status", "remove"], { error: "Choose what to do with the selected rows." }),
	bulkStatus: z.enum(entryStatuses, { error: "Choose a status." }).optional(),
	returnTo,
});

export type FieldErrors = Record<string, string[]>;

/** Zod issues as messages per field (the first path segment), for a 400 reply. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? "form");
		errors[field] = [...(errors[field] ?? []), issue.message];
	}
	return errors;
}

/** A rating on the person's scale as stored 0–100, or the message saying what is allowed. */
export function storedRatingOf(
	rating: number | null | undefined,
	scale: RatingScale,
): { ok: true; value: number | null | undefined } | { ok: false; message: string } {
	if (rating === null || rating === undefined) return { ok: true, value: rating };
	const stored = toStoredRating(rating, scale);
	if (stored === null) return { ok: false, message: `Rate from 0 to ${scale}${scale === 5 ? " in half stars" : ""}.` };
	return { ok: true, value: stored };
}
