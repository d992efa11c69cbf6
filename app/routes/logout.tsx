import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

// Signing out is a POST (a link could be triggered by another site); GET just goes home.
export async function loader() {
	return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
	return redirect("/", { headers: await endSession(request, context) });
}
