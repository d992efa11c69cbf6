import { and, asc, between, desc, eq, gt, sql } from "drizzle-orm";
import { type ListVisibility, MAX_ITEMS_PER_LIST, MAX_LISTS_PER_PERSON } from "~/lib/list-schemas";
import type { SmartDefinition } from "~/lib/smart-definition";
import { type Database, getDb } from "../../db/client.server";
import { listItems, type MediaType, media, smartLists, userLists, users } from "../../db/schema";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type ListKind = "static" | "smart";

export type ListSummary = {
	id: string;
	name: string;
	kind: ListKind;
	visibility: ListVisibility;
	/** Stored items; a smart list has none (its works are computed from its filter). */
	itemCount: number;
	updatedAt: Date;
};

/** The person's lists, most recently changed first. */
export async function listUserLists({ userId }: { userId: string }): Promise<ListSummary[]> {
	return getDb()
		.select({
			id: userLists.id,
			name: userLists.name,
			kind: userLists.kind,
			visibility: userLists.visibility,
			// Qualified by hand: in a one-table select Drizzle leaves column names bare, and the subquery's own
			// "user_id" would then shadow the list's, counting the list's items across every person's rows.
			itemCount: sql<number>`(select count(*)::int from ${listItems} li
				where li.user_id = ${userId} and li.list_id = "user_lists"."id")`,
			updatedAt: userLists.updatedAt,
		})
		.from(userLists)
		.where(eq(userLists.userId, userId))
		.orderBy(desc(userLists.updatedAt), asc(userLists.name))
		.limit(MAX_LISTS_PER_PERSON);
}

/** The person's static lists by name, for "Add to list…" pickers (no counts: they are read on every work page). */
export async function listStaticListChoices({ userId }: { userId: string }): Promise<{ id: string; name: string }[]> {
	return getDb()
		.select({ id: userLists.id, name: userLists.name })
		.from(userLists)
		.where(and(eq(userLists.userId, userId), eq(userLists.kind, "static")))
		.orderBy(desc(userLists.updatedAt), asc(userLists.name))
		.limit(MAX_LISTS_PER_PERSON);
}

export type CreateListResult = { ok: true; id: string } | { ok: false; reason: "limit" };

/**
 * Creates a list of either kind; a smart list stores its filter definition in the same transaction.
 * A per-person lock serialises concurrent creates so the count check holds.
 */
async function createList({
	userId,
	name,
	description,
	visibility,
	definition,
}: {
	userId: string;
	name: string;
	description?: string | null;
	visibility: ListVisibility;
	definition?: SmartDefinition;
}): Promise<CreateListResult> {
	return getDb().transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`user_lists:${userId}`}))`);
		const [{ lists }] = await tx
			.select({ lists: sql<number>`count(*)::int` })
			.from(userLists)
			.where(eq(userLists.userId, userId));
		if (lists >= MAX_LISTS_PER_PERSON) return { ok: false, reason: "limit" };
		const kind = definition ? "smart" : "static";
		const [row] = await tx
			.insert(userLists)
			.values({ userId, kind, name, description: description || null, visibility })
			.returning({ id: userLists.id });
		if (definition) await tx.insert(smartLists).values({ userId, listId: row.id, filterDefinition: definition });
		return { ok: true, id: row.id };
	});
}

export function createStaticList(details: {
	userId: string;
	name: string;
	description?: string | null;
	visibility: ListVisibility;
}): Promise<CreateListResult> {
	return createList(details);
}

export function createSmartList(details: {
	userId: string;
	name: string;
	description?: string | null;
	visibility: ListVisibility;
	definition: SmartDefinition;
}): Promise<CreateListResult> {
	return createList(details);
}

/** A smart list's stored definition as it is in the database (checked by the caller), or null. */
export async function getSmartDefinition({ userId, listId }: { userId: string; listId: string }) {
	const [row] = await getDb()
		.select({ definition: smartLists.filterDefinition, updatedAt: smartLists.updatedAt })
		.from(smartLists)
		.where(and(eq(smartLists.userId, userId), eq(smartLists.listId, listId)));
	return row ?? null;
}

/** Replaces a smart list's filters; false when the list is not the person's smart list. */
export async function updateSmartDefinition({
	userId,
	listId,
	definition,
}: {
	userId: string;
	listId: string;
	definition: SmartDefinition;
}): Promise<boolean> {
	return getDb().transaction(async (tx) => {
		const updated = await tx
			.update(smartLists)
			.set({ filterDefinition: definition, updatedAt: sql`now()` })
			.where(and(eq(smartLists.userId, userId), eq(smartLists.listId, listId)))
			.returning({ listId: smartLists.listId });
		if (updated.length === 0) return false;
		await touchList(tx, userId, listId);
		return true;
	});
}

const listColumns = {
	id: userLists.id,
	kind: userLists.kind,
	name: userLists.name,
	description: userLists.description,
	visibility: userLists.visibility,
	createdAt: userLists.createdAt,
	updatedAt: userLists.updatedAt,
};

/** One of the person's lists (any kind), or null when the id is not theirs. */
export async function getListForOwner({ userId, listId }: { userId: string; listId: string }) {
	const [list] = await getDb()
		.select(listColumns)
		.from(userLists)
		.where(and(eq(userLists.userId, userId), eq(userLists.id, listId)));
	return list ?? null;
}

/**
 * A public list by its owner's username (the share link carries it, since list keys start with
 * user_id). Null for a private list, so a share link never reveals that a private list exists.
 */
export async function getSharedList({ listId, username }: { listId: string; username: string }) {
	const [list] = await getDb()
		.select({ ...listColumns, ownerId: users.id, ownerName: users.displayName })
		.from(userLists)
		.innerJoin(users, eq(users.id, userLists.userId))
		.where(
			and(
				sql`lower(${users.username}) = lower(${username})`,
				eq(userLists.id, listId),
				eq(userLists.visibility, "public"),
			),
		);
	return list ?? null;
}

export type ListItemRow = {
	mediaId: string;
	position: number;
	title: string;
	mediaType: MediaType;
	year: string | null;
};

/** The works of a static list in position order (the owner's id scopes the query). */
export async function listStaticItems({ userId, listId }: { userId: string; listId: string }): Promise<ListItemRow[]> {
	const rows = await getDb()
		.select({
			mediaId: listItems.mediaId,
			position: listItems.position,
			title: media.title,
			mediaType: media.mediaType,
			releaseDate: media.releaseDate,
		})
		.from(listItems)
		.innerJoin(media, eq(media.id, listItems.mediaId))
		.where(and(eq(listItems.userId, userId), eq(listItems.listId, listId)))
		.orderBy(asc(listItems.position))
		.limit(MAX_ITEMS_PER_LIST);
	return rows.map(({ releaseDate, ...row }) => ({ ...row, year: releaseDate?.slice(0, 4) ?? null }));
}

/** The person's lists that hold a work (for the work page). */
export async function listListsWithWork({
	userId,
	mediaId,
}: {
	userId: string;
	mediaId: string;
}): Promise<{ id: string; name: string }[]> {
	return getDb()
		.select({ id: userLists.id, name: userLists.name })
		.from(listItems)
		.innerJoin(userLists, and(eq(userLists.userId, listItems.userId), eq(userLists.id, listItems.listId)))
		.where(and(eq(listItems.userId, userId), eq(listItems.mediaId, mediaId)))
		.orderBy(asc(userLists.name));
}

export async function renameList({
	userId,
	listId,
	name,
	description,
	visibility,
}: {
	userId: string;
	listId: string;
	name: string;
	description?: string | null;
	visibility: ListVisibility;
}): Promise<boolean> {
	const renamed = await getDb()
		.update(userLists)
		.set({ name, description: description || null, visibility, updatedAt: sql`now()` })
		.where(and(eq(userLists.userId, userId), eq(userLists.id, listId)))
		.returning({ id: userLists.id });
	return renamed.length > 0;
}

/** Deletes the list; its items (and a smart list's filter) go with it by cascade. */
export async function deleteList({ userId, listId }: { userId: string; listId: string }): Promise<boolean> {
	const deleted = await getDb()
		.delete(userLists)
		.where(and(eq(userLists.userId, userId), eq(userLists.id, listId)))
		.returning({ id: userLists.id });
	return deleted.length > 0;
}

/**
 * Locks the person's list row for the rest of the transaction, so item changes on one list run one
 * at a time and positions stay dense. Null when the list is not theirs.
 */
async function lockList(tx: Transaction, userId: string, listId: string) {
	const [list] = await tx
		.select({ kind: userLists.kind })
		.from(userLists)
		.where(and(eq(userLists.userId, userId), eq(userLists.id, listId)))
		.for("update");
	return list ?? null;
}

async function touchList(tx: Transaction, userId: string, listId: string) {
	await tx
		.update(userLists)
		.set({ updatedAt: sql`now()` })
		.where(and(eq(userLists.userId, userId), eq(userLists.id, listId)));
}

export type AddItemResult = "added" | "already-listed" | "no-such-list" | "not-static" | "no-such-work" | "list-full";

/** Appends a work to a static list; adding a work that is already there changes nothing. */
export async function addListItem({
	userId,
	listId,
	mediaId,
}: {
	userId: string;
	listId: string;
	mediaId: string;
}): Promise<AddItemResult> {
	return getDb().transaction(async (tx) => {
		const list = await lockList(tx, userId, listId);
		if (!list) return "no-such-list";
		if (list.kind !== "static") return "not-static";
		const [work] = await tx.select({ id: media.id }).from(media).where(eq(media.id, mediaId));
		if (!work) return "no-such-work";
		const [state] = await tx
			.select({
				items: sql<number>`count(*)::int`,
				present: sql<boolean>`coalesce(bool_or(${listItems.mediaId} = ${mediaId}), false)`,
			})
			.from(listItems)
			.where(and(eq(listItems.userId, userId), eq(listItems.listId, listId)));
		if (state.present) return "already-listed";
		if (state.items >= MAX_ITEMS_PER_LIST) return "list-full";
		await tx.insert(listItems).values({ userId, listId, mediaId, position: state.items + 1 });
		await touchList(tx, userId, listId);
		return "added";
	});
}

/** Removes a work from the list and closes the gap; false when the list or the item is not there. */
export async function removeListItem({
	userId,
	listId,
	mediaId,
}: {
	userId: string;
	listId: string;
	mediaId: string;
}): Promise<boolean> {
	return getDb().transaction(async (tx) => {
		if (!(await lockList(tx, userId, listId))) return false;
		const [removed] = await tx
			.delete(listItems)
			.where(and(eq(listItems.userId, userId), eq(listItems.listId, listId), eq(listItems.mediaId, mediaId)))
			.returning({ position: listItems.position });
		if (!removed) return false;
		await tx
			.update(listItems)
			.set({ position: sql`${listItems.position} - 1` })
			.where(and(eq(listItems.userId, userId), eq(listItems.listId, listId), gt(listItems.position, removed.position)));
		await touchList(tx, userId, listId);
		return true;
	});
}

/**
 * Moves a work to a 1-based position (past the end means last); the works in between shift by one,
 * so positions stay 1..n. False when the list or the item is not there.
 */
export async function moveListItem({
	userId,
	listId,
	mediaId,
	position,
}: {
	userId: string;
	listId: string;
	mediaId: string;
	position: number;
}): Promise<boolean> {
	return getDb().transaction(async (tx) => {
		if (!(await lockList(tx, userId, listId))) return false;
		const [item] = await tx
			.select({
				from: listItems.position,
				count: sql<number>`(select count(*)::int from ${listItems}
					where ${listItems.userId} = ${userId} and ${listItems.listId} = ${listId})`,
			})
			.from(listItems)
			.where(and(eq(listItems.userId, userId), eq(listItems.listId, listId), eq(listItems.mediaId, mediaId)));
		if (!item) return false;
		const to = Math.min(Math.max(position, 1), item.count);
		if (to === item.from) return true;
		const shift = to < item.from ? sql`${listItems.position} + 1` : sql`${listItems.position} - 1`;
		await tx
			.update(listItems)
			.set({ position: sql`case when ${listItems.mediaId} = ${mediaId} then ${to}::int else ${shift} end` })
			.where(
				and(
					eq(listItems.userId, userId),
					eq(listItems.listId, listId),
					between(listItems.position, Math.min(to, item.from), Math.max(to, item.from)),
				),
			);
		await touchList(tx, userId, listId);
		return true;
	});
}
