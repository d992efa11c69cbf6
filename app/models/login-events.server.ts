import { desc, eq } from "drizzle-orm";
import { getDb } from "../../db/client.server";
import { loginEvents } from "../../db/schema";

export async function listLoginEvents({ userId, limit }: { userId: string; limit: number }) {
	return getDb()
		.select({
			id: loginEvents.id,
			event: loginEvents.event,
			method: loginEvents.method,
			ip: loginEvents.ip,
			createdAt: loginEvents.createdAt,
		})
		.from(loginEvents)
		.where(eq(loginEvents.userId, userId))
		.orderBy(desc(loginEvents.createdAt), desc(loginEvents.id))
		.limit(limit);
}
