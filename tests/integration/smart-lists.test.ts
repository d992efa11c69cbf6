import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as catalogAction } from "~/routes/catalog._index";
import { action as listAction, loader as listLoader } from "~/routes/lists.$listId";
import { action as newListAction, loader as newListLoader } from "~/routes/lists.new";
import { action as registerAction } from "~/routes/register";
import { stableId } from "../../db/seed/ids";
import { callRoute, cookiesFrom, newPerson, queryRows } from "./helpers";

const fellowship = stableId("book-the-fellowship-of-the-ring-1954");
const dune = stableId("movie-dune-2021");
const spiritedAway = stableId("movie-spirited-away-2001");

type Person = { cookie: string; username: string; id: string };
type SmartView = {
	view: string;
	list: { kind: string };
	smart:
		| {
				ok: true;
				rows: { mediaId: string; status: string | null }[];
				total: number;
				definition: Record<string, unknown>;
		  }
		| { ok: false; errors: string[] };
};

async function signUp(): Promise<Person> {
	const person = newPerson();
	const cookie = cookiesFrom(await callRoute(registerAction, { form: person }));
	const [row] = await queryRows<{ id: string }>(sql`select id from users.users where username = ${person.username}`);
	return { cookie, username: person.username, id: row.id };
}

const track = (person: Person, mediaId: string, status: string) =>
	callRoute(catalogAction, { cookie: person.cookie, form: { intent: "add", mediaId, status } });

const createSmart = (person: Person, form: Record<string, string | string[]>) =>
	callRoute(newListAction, {
		cookie: person.cookie,
		url: "http://localhost/lists/new",
		form: { intent: "create-smart", name: "Done", visibility: "private", ...form },
	});

async function newSmartList(person: Person, form: Record<string, string | string[]>): Promise<string> {
	const result = await createSmart(person, form);
	expect(result.status, JSON.stringify(result.body)).toBe(302);
	return result.location?.split("/").pop() as string;
}

const open = async (cookie: string | undefined, listId: string, by?: string) =>
	callRoute(listLoader, {
		cookie,
		url: `http://localhost/lists/${listId}${by ? `?by=${by}` : ""}`,
		params: { listId },
	});

const post = (person: Person, listId: string, form: Record<string, string | string[]>) =>
	callRoute(listAction, { cookie: person.cookie, url: `http://localhost/lists/${listId}`, params: { listId }, form });

async function smartRows(person: Person, listId: string) {
	const result = await open(person.cookie, listId);
	expect(result.status).toBe(200);
	const { smart } = result.body as SmartView;
	if (!smart.ok) throw new Error(smart.errors.join(" "));
	return smart.rows.map((row) => row.mediaId);
}

async function storedLists(person: Person) {
	return queryRows(sql`
		select l.id, l.name, l.kind, s.filter_definition from interaction.user_lists l
		left join interaction.smart_lists s on s.user_id = l.user_id and s.list_id = l.id
		where l.user_id = ${person.id} order by l.id`);
}

describe("smart lists", () => {
	it("saves a filtered view and shows works matching it when opened, so a newly matching work appears", async () => {
		const person = await signUp();
		await track(person, fellowship, "completed");
		await track(person, dune, "planning");
		// "Save as smart list" links to /lists/new with the filters on screen.
		const form = await callRoute(newListLoader, {
			cookie: person.cookie,
			url: "http://localhost/lists/new?kind=smart&scope=lists&status=completed&sort=title&dir=asc",
		});
		expect((form.body as { smart: { definition: unknown } }).smart.definition).toEqual({
			scope: "lists",
			status: ["completed"],
			sort: "title",
			dir: "asc",
		});
		const listId = await newSmartList(person, { scope: "lists", status: "completed", sort: "title", dir: "asc" });
		expect(await smartRows(person, listId)).toEqual([fellowship]);
		await track(person, spiritedAway, "completed");
		// Sorted by title as saved: "Spirited Away" before "The Fellowship of the Ring".
		expect(await smartRows(person, listId)).toEqual([spiritedAway, fellowship]);
	});

	it("evaluates a catalog-scoped definition against the catalog, and its filters can be edited", async () => {
		const person = await signUp();
		const listId = await newSmartList(person, { scope: "catalog", type: "movie", creator: "Hayao Miyazaki" });
		const rows = await smartRows(person, listId);
		expect(rows).toContain(spiritedAway);
		expect(rows).not.toContain(dune);
		const edited = await post(person, listId, {
			intent: "update-filters",
			scope: "catalog",
			type: "movie",
			creator: "Denis Villeneuve",
		});
		expect(edited.status).toBe(302);
		const after = await smartRows(person, listId);
		expect(after).toContain(dune);
		expect(after).not.toContain(spiritedAway);
	});

	it("refuses malformed or invalid filters with a 400 and a message, and writes nothing", async () => {
		const person = await signUp();
		const listId = await newSmartList(person, { scope: "lists", status: "completed" });
		const before = await storedLists(person);
		const bad: Record<string, string | string[]>[] = [
			{ definition: "{not json" },
			{ definition: '["status"]' },
			{ definition: '{"scope":"lists","status":"completed"}' },
			{ definition: '{"scope":"lists","colour":"red"}' },
			{ scope: "lists", ratingMin: "abc" },
			{ scope: "lists", status: "binging" },
			{ scope: "nowhere" },
		];
		for (const form of bad) {
			const created = await createSmart(person, form);
			expect(created.status, JSON.stringify(form)).toBe(400);
			expect(JSON.stringify(created.body)).toMatch(/JSON|filter|valid|scope|list of values/);
			const edited = await post(person, listId, { intent: "update-filters", ...form });
			expect(edited.status, JSON.stringify(form)).toBe(400);
			expect((edited.body as { smartErrors: string[] }).smartErrors.length).toBeGreaterThan(0);
		}
		expect(await storedLists(person)).toEqual(before);
	});

	it("shows a stored definition that no longer parses as an error on the page, not a 500", async () => {
		const person = await signUp();
		const listId = await newSmartList(person, { scope: "lists", status: "completed" });
		await queryRows(sql`
			update interaction.smart_lists set filter_definition = '{"scope":"lists","status":["binging"],"shelf":3}'
			where user_id = ${person.id} and list_id = ${listId}`);
		const page = await open(person.cookie, listId);
		expect(page.status).toBe(200);
		const { smart } = page.body as SmartView;
		expect(smart.ok).toBe(false);
		if (!smart.ok) expect(smart.errors.join(" ")).toMatch(/shelf/);
		// Fixing it through the edit form works again.
		expect(
			(await post(person, listId, { intent: "update-filters", definition: '{"scope":"lists","status":["completed"]}' }))
				.status,
		).toBe(302);
		expect(((await open(person.cookie, listId)).body as SmartView).smart.ok).toBe(true);
	});

	it("another person cannot read or change a smart list (404); a public one is readable read-only", async () => {
		const owner = await signUp();
		await track(owner, fellowship, "completed");
		const listId = await newSmartList(owner, { scope: "lists", status: "completed" });
		const stranger = await signUp();
		expect((await open(stranger.cookie, listId)).status).toBe(404);
		expect((await open(stranger.cookie, listId, owner.username)).status).toBe(404);
		expect((await post(stranger, listId, { intent: "update-filters", scope: "lists", status: "dropped" })).status).toBe(
			404,
		);
		expect((await post(stranger, listId, { intent: "delete" })).status).toBe(404);
		const [stored] = await queryRows<{ filter_definition: unknown }>(sql`
			select filter_definition from interaction.smart_lists where list_id = ${listId}`);
		expect(stored.filter_definition).toMatchObject({ status: ["completed"] });

		await post(owner, listId, { intent: "rename", name: "Finished", visibility: "public" });
		const shared = await open(undefined, listId, owner.username);
		expect(shared.status).toBe(200);
		const body = shared.body as SmartView;
		expect(body.view).toBe("shared");
		expect(body.smart.ok && body.smart.rows.map((r) => r.mediaId)).toEqual([fellowship]);
	});
});
