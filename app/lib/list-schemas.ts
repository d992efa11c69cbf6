import { z } from "zod";
import { noControl } from "./account-schemas";

export const listVisibilities = ["private", "public"] as const;
export type ListVisibility = (typeof listVisibilities)[number];

export const visibilityLabels: Record<ListVisibility, string> = {
	private: "Private (only you)",
	public: "Public (anyone with the link)",
};

/** Limits that keep one person's lists bounded (checked by the model, reported as a 400). */
export const MAX_LISTS_PER_PERSON = 500;
export const MAX_ITEMS_PER_LIST = 1000;

// Descriptions may span lines; other control characters (NUL above all, which PostgreSQL refuses) may not.
const printableText = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);

/** The fields of a static list, shared by create (/lists/new) and rename (/lists/:listId). */
export const ListDetailsSchema = z.object({
	name: z
		.string({ error: "Give the list a name." })
		.trim()
		.min(1, "Give the list a name.")
		.max(100, "Use at most 100 characters.")
		.refine(noControl, "Remove invisible or control characters."),
	description: z
		.string({ error: "Write the description as text." })
		.trim()
		.max(2000, "Use at most 2,000 characters.")
		.refine(printableText, "Remove invisible or control characters.")
		.optional(),
	visibility: z.enum(listVisibilities, { error: "Choose private or public." }).default("private"),
});

export type ListDetailsInput = z.input<typeof ListDetailsSchema>;
