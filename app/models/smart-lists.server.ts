import { checkDefinition, type SmartDefinition } from "~/lib/smart-definition";
import type { EntryStatus, MediaType } from "../../db/schema";
import { listCatalog } from "./catalog.server";
import { getSmartDefinition } from "./lists.server";
import { listMyEntries } from "./my-list.server";

export type SmartRow = {
	mediaId: string;
	title: string;
	mediaType: MediaType;
	year: string | null;
	status: EntryStatus | null;
};

export type SmartResult =
	| { ok: true; definition: SmartDefinition; rows: SmartRow[]; total: number; more: boolean }
	| { ok: false; errors: string[]; stored: string | null };

const SHOWN = 100;

/**
 * Evaluates a smart list now, against current data (never stored results): the owner's entries for a
 * list-scoped filter, the catalog (with the owner's statuses) for a catalog-scoped one. A stored
 * definition that no longer passes the filter spec comes back as errors, for the page to show.
 */
export async function evaluateSmartList({
	ownerId,
	listId,
}: {
	ownerId: string;
	listId: string;
}): Promise<SmartResult> {
	const stored = await getSmartDefinition({ userId: ownerId, listId });
	if (!stored) return { ok: false, errors: ["This smart list has no saved filters."], stored: null };
	const check = checkDefinition(stored.definition);
	if (!check.ok) return { ok: false, errors: check.errors, stored: JSON.stringify(stored.definition, null, 1) };
	const spec = { ...check.spec, size: SHOWN as 100, page: 1, after: null };
	if (spec.scope === "lists") {
		const page = await listMyEntries({ userId: ownerId, spec });
		return {
			ok: true,
			definition: check.definition,
			total: page.total,
			more: page.nextCursor !== null,
			rows: page.rows.map((row) => ({
				mediaId: row.mediaId,
				title: row.title,
				mediaType: row.mediaType,
				year: row.releaseDate?.slice(0, 4) ?? null,
				status: row.status,
			})),
		};
	}
	const page = await listCatalog({ spec, userId: ownerId });
	return {
		ok: true,
		definition: check.definition,
		total: page.total,
		more: page.nextCursor !== null || page.nextPage !== null,
		rows: page.rows.map((row) => ({
			mediaId: row.id,
			title: row.title,
			mediaType: row.mediaType,
			year: row.releaseDate?.slice(0, 4) ?? null,
			status: row.myStatus,
		})),
	};
}
