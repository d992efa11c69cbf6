import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listUserLists } from "~/models/lists.server";
import { stableId } from "../../db/seed/ids";
import { queryRows } from "./helpers";

const works = [
	stableId("book-the-fellowship-of-the-ring-1954"),
	stableId("movie-spirited-away-2001"),
	stableId("anime-frieren-2023"),
];

async function personWithList(name: string, items: string[]) {
	const [{ id: userId }] = await queryRows<{ id: string }>(sql`
		insert into users.users (username, display_name, email) values (${name}, ${name}, ${`${name}@example.test`}) returning id`);
	const [{ id: listId }] = await queryRows<{ id: string }>(sql`
		insert into interaction.user_lists (user_id, name) values (${userId}, 'Mine') returning id`);
	for (const [index, mediaId] of items.entries())
		await queryRows(sql`
			insert into interaction.list_items (user_id, list_id, media_id, position) values (${userId}, ${listId}, ${mediaId}, ${index + 1})`);
	return { userId, listId };
}

describe("the person's lists with their item counts", () => {
	it("counts each list's items from the owner's rows only, through the (user_id, list_id) index", async () => {
		const one = await personWithList("counts_one", works);
		const two = await personWithList("counts_two", works.slice(0, 1));
		expect((await listUserLists({ userId: one.userId })).map((l) => [l.id, l.itemCount])).toEqual([[one.listId, 3]]);
		expect((await listUserLists({ userId: two.userId })).map((l) => [l.id, l.itemCount])).toEqual([[two.listId, 1]]);
		const plan = await queryRows<Record<string, string>>(sql`
			explain select (select count(*)::int from interaction.list_items li
			  where li.user_id = ${one.userId}::uuid and li.list_id = "user_lists"."id")
			from interaction.user_lists where user_id = ${one.userId}::uuid`);
		expect(plan.map((row) => Object.values(row)[0]).join("\n")).not.toMatch(/Seq Scan on list_items/);
	});
});
