import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as workAction, loader as workLoader } from "~/routes/catalog.$mediaId";
import { action as listAction, loader as listLoader } from "~/routes/lists.$listId";
import { action as newListAction } from "~/routes/lists.new";
import { action as registerAction } from "~/routes/register";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

const dune = stableId("movie-dune-2021");
const fellowship = stableId("book-the-fellowship-of-the-ring-1954");
const witcher = stableId("game-the-witcher-3-wild-hunt-2015");
const steinsGate = stableId("anime-steins-gate-2011");
const unknownWork = "00000000-0000-4000-8000-000000000000";

type Person = { cookie: string; username: string; id: string };
type ListView = {
	view: "owner" | "shared";
	list: { id: string; name: string; description: string | null; visibility: string; kind: string };
	items: { mediaId: string; position: number; title: string; mediaType: string; year: string | null }[];
	shareUrl: string | null;
	ownerName: string | null;
};
type ErrorReply = { error: Record<string, string[] | null> };

async function signUp(): Promise<Person> {
	const person = newPerson();
	const cookie = cookiesFrom(await callRoute(registerAction, { form: person }));
	const [row] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${person.username}`);
	return { cookie, username: person.username, id: row.id };
}

const create = (cookie: string, form: Record<string, string>) =>
	callRoute(newListAction, { cookie, url: "http://localhost/lists/new", form: { intent: "create", ...form } });

async function newList(person: Person, form: Record<string, string> = {}): Promise<string> {
	const result = await create(person.cookie, { name: "Favourites", ...form });
	expect(result.status).toBe(302);
	const id = result.location?.match(/^\/lists\/([0-9a-f-]{36})$/)?.[1];
	expect(id).toBeDefined();
	return id as string;
}

const post = (cookie: string | undefined, listId: string, form: Record<string, string>) =>
	callRoute(listAction, { cookie, url: `http://localhost/lists/${listId}`, params: { listId }, form });

const view = (cookie: string | undefined, listId: string, by?: string) =>
	callRoute(listLoader, {
		cookie,
		url: `http://localhost/lists/${listId}${by === undefined ? "" : `?${new URLSearchParams({ by })}`}`,
		params: { listId },
	});

const addToList = (cookie: string, mediaId: string, form: Record<string, string>) =>
	callRoute(workAction, {
		cookie,
		url: `http://localhost/catalog/${mediaId}`,
		params: { mediaId },
		form: { intent: "add-to-list", mediaId, ...form },
	});

async function itemsOf(listId: string) {
	return queryRows<{ media_id: string; position: number }>(sql`
		select media_id, position from interaction.list_items where list_id = ${listId} order by position`);
}

/** Everything stored about a list, to show that a refused request changed nothing. */
async function snapshot(listId: string) {
	const [list] = await queryRows<Record<string, unknown>>(sql`
		select name, description, visibility, updated_at::text as updated_at
		from interaction.user_lists where id = ${listId}`);
	return { list, items: await itemsOf(listId) };
}

function messages(result: { body: unknown }): string[] {
	return Object.values((result.body as ErrorReply).error ?? {}).flatMap((list) => list ?? []);
}

describe("static lists: create, rename, delete", () => {
	it("creates a private list, edits its details, and deletes it with its items", async () => {
		const person = await signUp();
		const listId = await newList(person, { description: "" });
		const [created] = await queryRows<{ kind: string; visibility: string; description: string | null }>(sql`
			select kind, visibility, description from interaction.user_lists where user_id = ${person.id} and id = ${listId}`);
		expect(created).toEqual({ kind: "static", visibility: "private", description: null });

		const page = await view(person.cookie, listId);
		expect(page.status).toBe(200);
		expect(page.body).toMatchObject({ view: "owner", list: { name: "Favourites" }, items: [] });

		const before = await snapshot(listId);
		const renamed = await post(person.cookie, listId, {
			intent: "rename",
			name: "  Best of the year  ",
			description: "Line one\nLine two",
			visibility: "public",
		});
		expect(renamed).toMatchObject({ status: 302, location: `/lists/${listId}` });
		const after = await snapshot(listId);
		expect(after.list).toMatchObject({
			name: "Best of the year",
			description: "Line one\nLine two",
			visibility: "public",
		});
		expect(after.list.updated_at).not.toBe(before.list.updated_at);

		expect((await post(person.cookie, listId, { intent: "add-item", mediaId: dune })).status).toBe(302);
		const deleted = await post(person.cookie, listId, { intent: "delete" });
		expect(deleted).toMatchObject({ status: 302, location: "/lists" });
		expect(await queryRows(sql`select 1 from interaction.user_lists where id = ${listId}`)).toEqual([]);
		expect(await itemsOf(listId)).toEqual([]);
		expect((await view(person.cookie, listId)).status).toBe(404);
	});
});

describe("static lists: items", () => {
	it("adds works of different types once each, in order, and keeps positions dense through moves and removal", async () => {
		const person = await signUp();
		const listId = await newList(person);
		for (const mediaId of [dune, fellowship, witcher, steinsGate]) {
			const added = await post(person.cookie, listId, { intent: "add-item", mediaId });
			expect(added).toMatchObject({ status: 302, location: `/lists/${listId}` });
		}
		// Adding again is not an error and adds nothing.
		expect((await post(person.cookie, listId, { intent: "add-item", mediaId: fellowship })).status).toBe(302);
		expect((await itemsOf(listId)).map((i) => [i.media_id, i.position])).toEqual([
			[dune, 1],
			[fellowship, 2],
			[witcher, 3],
			[steinsGate, 4],
		]);
		const page = (await view(person.cookie, listId)).body as ListView;
		expect(page.items.map((i) => [i.title, i.mediaType, i.year])).toEqual([
			["Dune", "movie", "2021"],
			["The Fellowship of the Ring", "book", "1954"],
			["The Witcher 3: Wild Hunt", "game", "2015"],
			["Steins;Gate", "anime", "2011"],
		]);

		const order = async () => (await itemsOf(listId)).map((i) => i.media_id);
		const move = (mediaId: string, position: string) =>
			post(person.cookie, listId, { intent: "move", mediaId, position });
		expect((await move(witcher, "2")).status).toBe(302); // Move up
		expect(await order()).toEqual([dune, witcher, fellowship, steinsGate]);
		expect((await move(dune, "2")).status).toBe(302); // Move down
		expect(await order()).toEqual([witcher, dune, fellowship, steinsGate]);
		expect((await move(steinsGate, "1")).status).toBe(302);
		expect(await order()).toEqual([steinsGate, witcher, dune, fellowship]);
		expect((await move(steinsGate, "99")).status).toBe(302); // past the end: last
		expect(await order()).toEqual([witcher, dune, fellowship, steinsGate]);

		const before = await snapshot(listId);
		const removed = await post(person.cookie, listId, { intent: "remove-item", mediaId: dune });
		expect(removed).toMatchObject({ status: 302, location: `/lists/${listId}` });
		expect((await itemsOf(listId)).map((i) => [i.media_id, i.position])).toEqual([
			[witcher, 1],
			[fellowship, 2],
			[steinsGate, 3],
		]);
		expect((await snapshot(listId)).list.updated_at).not.toBe(before.list.updated_at);
		// A work that is not in the list cannot be removed or moved.
		expect((await post(person.cookie, listId, { intent: "remove-item", mediaId: dune })).status).toBe(404);
		expect((await move(dune, "1")).status).toBe(404);
	});

	it("adds from the work page: listed there, idempotent, back to returnTo", async () => {
		const person = await signUp();
		const listId = await newList(person, { name: "To watch" });
		const before = (await callRoute(workLoader, { cookie: person.cookie, params: { mediaId: dune } })).body as {
			staticLists: { id: string; name: string }[];
			inLists: unknown[];
		};
		expect(before.staticLists).toEqual([{ id: listId, name: "To watch" }]);
		expect(before.inLists).toEqual([]);

		const added = await addToList(person.cookie, dune, { listId });
		expect(added).toMatchObject({ status: 302, location: `/catalog/${dune}` });
		const again = await addToList(person.cookie, dune, { listId, returnTo: "/catalog?type=movie" });
		expect(again).toMatchObject({ status: 302, location: "/catalog?type=movie" });
		expect(await itemsOf(listId)).toEqual([{ media_id: dune, position: 1 }]);
		const after = (await callRoute(workLoader, { cookie: person.cookie, params: { mediaId: dune } })).body as {
			inLists: { id: string; name: string }[];
		};
		expect(after.inLists).toEqual([{ id: listId, name: "To watch" }]);

		expect((await addToList(person.cookie, unknownWork, { listId })).status).toBe(404);
		const unknownList = await addToList(person.cookie, fellowship, { listId: unknownWork });
		expect(unknownList.status).toBe(400);
		expect(unknownList.body).toEqual({ error: "Choose one of your lists." });
		const notUuid = await addToList(person.cookie, fellowship, { listId: "not-a-list" });
		expect(notUuid.status).toBe(400);
		expect((notUuid.body as { error: string }).error).toBe("Choose one of your lists.");
		expect(await itemsOf(listId)).toEqual([{ media_id: dune, position: 1 }]);
	});
});

describe("static lists: privacy", () => {
	it("another person's list is a 404 for reading and for every intent, and nothing changes", async () => {
		const owner = await signUp();
		const stranger = await signUp();
		const listId = await newList(owner, { name: "Mine", description: "Private notes" });
		await post(owner.cookie, listId, { intent: "add-item", mediaId: dune });
		await post(owner.cookie, listId, { intent: "add-item", mediaId: fellowship });
		const before = await snapshot(listId);

		expect((await view(stranger.cookie, listId)).status).toBe(404);
		expect((await view(stranger.cookie, listId, owner.username)).status).toBe(404);
		const attempts: Record<string, string>[] = [
			{ intent: "rename", name: "Taken over", visibility: "public" },
			{ intent: "rename", name: "" },
			{ intent: "delete" },
			{ intent: "add-item", mediaId: witcher },
			{ intent: "remove-item", mediaId: dune },
			{ intent: "move", mediaId: fellowship, position: "1" },
			{ intent: "move", mediaId: fellowship, position: "0" },
			{ intent: "nonsense" },
		];
		for (const form of attempts) {
			expect((await post(stranger.cookie, listId, form)).status, JSON.stringify(form)).toBe(404);
		}
		// Chosen in a form field, another person's list is bad input: a 400 with a message, nothing written.
		const foreign = await addToList(stranger.cookie, witcher, { listId });
		expect(foreign.status).toBe(400);
		expect(foreign.body).toEqual({ error: "Choose one of your lists." });
		expect(await snapshot(listId)).toEqual(before);
		// The stranger's own work page does not offer the owner's list.
		const work = (await callRoute(workLoader, { cookie: stranger.cookie, params: { mediaId: dune } })).body as {
			staticLists: unknown[];
			inLists: unknown[];
		};
		expect(work).toMatchObject({ staticLists: [], inLists: [] });
	});

	it("a public list is readable by anyone through its share link; a private one is not", async () => {
		const owner = await signUp();
		const other = await signUp();
		const listId = await newList(owner, { name: "Shared picks" });
		await post(owner.cookie, listId, { intent: "add-item", mediaId: witcher });

		// Private: the share link shows nothing, to anyone but the owner.
		expect((await view(undefined, listId, owner.username)).status).toBe(404);
		expect((await view(other.cookie, listId, owner.username)).status).toBe(404);
		const ownerPage = (await view(owner.cookie, listId, owner.username)).body as ListView;
		expect(ownerPage.view).toBe("owner");
		expect(ownerPage.shareUrl).toBe(`http://localhost/lists/${listId}?by=${owner.username}`);

		await post(owner.cookie, listId, { intent: "rename", name: "Shared picks", visibility: "public" });
		for (const [cookie, by] of [
			[undefined, owner.username],
			[other.cookie, owner.username],
			[undefined, owner.username.toUpperCase()],
		] as const) {
			const shared = await view(cookie, listId, by);
			expect(shared.status).toBe(200);
			expect(shared.body).toMatchObject({
				view: "shared",
				list: { name: "Shared picks", visibility: "public" },
				items: [{ mediaId: witcher, position: 1, title: "The Witcher 3: Wild Hunt" }],
				shareUrl: null,
			});
		}
		// The link names the owner: another username, a malformed one, or none at all finds nothing.
		expect((await view(undefined, listId, other.username)).status).toBe(404);
		expect((await view(undefined, listId, "x".repeat(500))).status).toBe(404);
		expect((await view(other.cookie, listId)).status).toBe(404);
		const signedOut = await view(undefined, listId);
		expect(signedOut.status).toBe(302);
		expect(signedOut.location).toMatch(/^\/login\?redirectTo=/);
		// Reading is not writing: signed out, a post goes to sign-in and changes nothing.
		const before = await snapshot(listId);
		expect((await post(undefined, listId, { intent: "delete" })).status).toBe(302);
		expect(await snapshot(listId)).toEqual(before);
	});

	it("a route id that is not a uuid is a 404, never a 500", async () => {
		const person = await signUp();
		for (const listId of ["new-ish", "1", "'; drop table interaction.user_lists; --", "x".repeat(300)]) {
			expect((await view(person.cookie, listId)).status, listId).toBe(404);
			expect((await view(undefined, listId, person.username)).status, listId).toBe(404);
			expect((await post(person.cookie, listId, { intent: "delete" })).status, listId).toBe(404);
		}
	});
});

describe("static lists: bad input", () => {
	it("creating with a bad name or visibility is a 400 with a message, and no list is stored", async () => {
		const person = await signUp();
		const cases: [Record<string, string>, string, string][] = [
			[{ name: "" }, "name", "Give the list a name."],
			[{ name: "   " }, "name", "Give the list a name."],
			[{ name: "x".repeat(101) }, "name", "Use at most 100 characters."],
			[{ name: "Fine", visibility: "friends" }, "visibility", "Choose private or public."],
			[{ name: "Fine", description: "d".repeat(2001) }, "description", "Use at most 2,000 characters."],
			[{ name: "Nul\u0000name" }, "name", "Remove invisible or control characters."],
		];
		for (const [form, field, message] of cases) {
			const result = await create(person.cookie, form);
			expect(result.status, JSON.stringify(form)).toBe(400);
			expect((result.body as ErrorReply).error[field]).toEqual([message]);
		}
		expect((await create(person.cookie, { name: "x".repeat(100) })).status).toBe(302);
		const unknown = await callRoute(newListAction, { cookie: person.cookie, form: { intent: "mystery", name: "A" } });
		expect(unknown.status).toBe(400);
		const [{ n }] = await queryRows<{ n: number }>(
			sql`select count(*)::int as n from interaction.user_lists where user_id = ${person.id}`,
		);
		expect(n).toBe(1);
	});

	it("bad item input and bad details are a 400 with a message, and the list does not change", async () => {
		const person = await signUp();
		const listId = await newList(person);
		await post(person.cookie, listId, { intent: "add-item", mediaId: dune });
		await post(person.cookie, listId, { intent: "add-item", mediaId: fellowship });
		const before = await snapshot(listId);
		const cases: Record<string, string>[] = [
			{ intent: "rename", name: "" },
			{ intent: "rename", name: "y".repeat(101) },
			{ intent: "rename", name: "Fine", visibility: "everyone" },
			{ intent: "add-item", mediaId: "not-a-uuid" },
			{ intent: "add-item", mediaId: unknownWork },
			{ intent: "add-item" },
			{ intent: "remove-item", mediaId: "42" },
			{ intent: "move", mediaId: fellowship, position: "0" },
			{ intent: "move", mediaId: fellowship, position: "-3" },
			{ intent: "move", mediaId: fellowship, position: "abc" },
			{ intent: "move", mediaId: fellowship, position: "1.5" },
			{ intent: "move", mediaId: fellowship, position: "" },
			{ intent: "move", mediaId: fellowship },
			{ intent: "bogus" },
			{},
		];
		for (const form of cases) {
			const result = await post(person.cookie, listId, form);
			expect(result.status, JSON.stringify(form)).toBe(400);
			expect(messages(result).length, JSON.stringify(form)).toBeGreaterThan(0);
		}
		expect(await snapshot(listId)).toEqual(before);
	});

	it("refuses a 501st list and a 1,001st item with a message", async () => {
		const person = await signUp();
		await queryRows(sql`
			insert into interaction.user_lists (user_id, name)
			select ${person.id}::uuid, 'List ' || g from generate_series(1, 499) g`);
		const full = await newList(person, { name: "The 500th" });
		const refused = await create(person.cookie, { name: "One too many" });
		expect(refused.status).toBe(400);
		expect(messages(refused).join(" ")).toMatch(/500 lists/);

		const fillers = await queryRows<{ id: string }>(sql`
			insert into media.media (media_type, media_class, title)
			select 'book', 'written.books', 'Filler ' || g from generate_series(1, 1000) g returning id`);
		await queryRows(sql`
			insert into interaction.list_items (user_id, list_id, media_id, position)
			select ${person.id}::uuid, ${full}::uuid, id, row_number() over (order by title)
			from media.media where title like 'Filler %'`);
		expect(fillers).toHaveLength(1000);
		const tooMany = await post(person.cookie, full, { intent: "add-item", mediaId: dune });
		expect(tooMany.status).toBe(400);
		expect(messages(tooMany).join(" ")).toMatch(/1,000 works/);
		const viaWorkPage = await addToList(person.cookie, dune, { listId: full });
		expect(viaWorkPage.status).toBe(400);
		expect((await itemsOf(full)).length).toBe(1000);
	});
});
