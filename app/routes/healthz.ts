import { databaseIsReachable } from "~/models/health.server";

export async function loader() {
	const ok = await databaseIsReachable();
	return Response.json(
		{ status: ok ? "ok" : "unavailable", database: ok ? "reachable" : "unreachable" },
		{ status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
	);
}
