import { type ActionFunctionArgs, json, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { ThemeSchema } from "~/lib/theme";
import { serializeTheme } from "~/lib/theme.server";

export const meta: MetaFunction = () => [{ title: "Theme · OmniMediaTrak" }];

const ThemeForm = z.object({
	theme: ThemeSchema,
	redirectTo: z.string().optional(),
});

export async function loader() {
	return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
	const form = Object.fromEntries(await request.formData());
	const parsed = ThemeForm.safeParse(form);
	if (!parsed.success) {
		return json(
			{ error: "Choose a theme: light, dark or system.", redirectTo: safeRedirectPath(form.redirectTo) },
			{ status: 400 },
		);
	}
	return redirect(safeRedirectPath(parsed.data.redirectTo), {
		headers: { "Set-Cookie": await serializeTheme(parsed.data.theme) },
	});
}

export default function ThemeError() {
	const data = useActionData<typeof action>();
	return (
		<section className="mx-auto max-w-xl py-12" aria-labelledby="theme-title">
			<h1 id="theme-title" className="text-2xl font-bold">
				Theme not changed
			</h1>
			<p role="alert" className="mt-3 text-warn">
				{data?.error ?? "Choose a theme: light, dark or system."}
			</p>
			<Link to={data?.redirectTo ?? "/"} className="mt-6 inline-block underline">
				Go back
			</Link>
		</section>
	);
}
