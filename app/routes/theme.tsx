import { type ActionFunctionArgs, json, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { getUser } from "~/auth/session.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { ThemeSchema, themeLabels, themes } from "~/lib/theme";
import { serializeTheme } from "~/lib/theme.server";
import { setThemePreference } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Theme · OmniMediaTrak" }];

const ThemeForm = z.object({
	theme: ThemeSchema,
	redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
	const user = await getUser(request);
	const form = Object.fromEntries(await request.formData());
	const parsed = ThemeForm.safeParse(form);
	if (!parsed.success) {
		return json(
			{ error: "Choose a theme: light, dark or system.", redirectTo: safeRedirectPath(form.redirectTo) },
			{ status: 400 },
		);
	}
	if (user) await setThemePreference({ userId: user.id, theme: parsed.data.theme });
	return redirect(safeRedirectPath(parsed.data.redirectTo), {
		headers: { "Set-Cookie": await serializeTheme(parsed.data.theme) },
	});
}

/** Shown for GET /theme and when a post was invalid: the same choice as the header toggle. */
export default function ThemePage() {
	const data = useActionData<typeof action>();
	return (
		<section className="mx-auto max-w-xl py-12" aria-labelledby="theme-title">
			<h1 id="theme-title" className="text-2xl font-bold">
				Theme
			</h1>
			{data?.error ? (
				<p role="alert" className="mt-3 text-warn">
					{data.error}
				</p>
			) : null}
			<Form method="post" className="mt-6 flex gap-2">
				<input type="hidden" name="redirectTo" value={data?.redirectTo ?? "/"} />
				{themes.map((value) => (
					<button
						key={value}
						type="submit"
						name="theme"
						value={value}
						className="rounded-md border border-line px-4 py-2 hover:bg-surface focus-visible:outline-2 focus-visible:outline-accent"
					>
						{themeLabels[value]}
					</button>
				))}
			</Form>
		</section>
	);
}
