import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthorizationError } from "remix-auth";
import { getAuthenticator, SIGN_IN_FAILED } from "~/auth/authenticator.server";
import { getAuthFlowStorage } from "~/auth/cookies.server";
import { recordLoginEvent } from "~/auth/events.server";
import { getProviders } from "~/auth/providers.server";
import { clearLimit, firstLimited, hitLimit, limits, tooManyMessage } from "~/auth/rate-limit.server";
import { clientOf } from "~/auth/request.server";
import { getUser } from "~/auth/session.server";
import { completeFirstFactor } from "~/auth/sign-in.server";
import { FormErrors, SubmitButton, TextField, useClearOnError } from "~/components/forms";
import { LoginSchema } from "~/lib/account-schemas";
import { safeRedirectPath } from "~/lib/safe-redirect";

export const meta: MetaFunction = () => [{ title: "Sign in · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/");
	if (await getUser(request)) throw redirect(redirectTo);
	const storage = getAuthFlowStorage();
	const flow = await storage.getSession(request.headers.get("Cookie"));
	const signInError = flow.get("signInError") ?? null;
	const pendingLink = flow.get("linkIdentity");
	const headers = new Headers();
	if (signInError) {
		flow.unset("signInError");
		headers.append("Set-Cookie", await storage.commitSession(flow));
	}
	return json(
		{
			redirectTo,
			signInError,
			linkLabel: pendingLink?.label ?? null,
			providers: getProviders().map(({ key, label }) => ({ key, label })),
		},
		{ headers },
	);
}

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.clone().formData();
	const submission = parseWithZod(formData, { schema: LoginSchema });
	if (submission.status !== "success") {
		return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
	}
	const identifier = submission.value.email.toLowerCase();
	const redirectTo = safeRedirectPath(submission.value.redirectTo, "/");
	const { ip, userAgent } = clientOf(request, context);

	const limited = await firstLimited([
		[limits.signInPerAccount, identifier],
		[limits.signInPerIp, ip],
	]);
	if (limited.limited) {
		await recordLoginEvent({ kind: "signin_rate_limited", method: "password", identifier, ip, userAgent });
		return json(submission.reply({ formErrors: [tooManyMessage(limited.retryAfter)], hideFields: ["password"] }), {
			status: 429,
			headers: { "Retry-After": String(limited.retryAfter) },
		});
	}

	let result: { userId: string; twoFactor: boolean };
	try {
		result = await getAuthenticator().authenticate("password", request, { throwOnError: true });
	} catch (error) {
		if (!(error instanceof AuthorizationError)) throw error;
		await hitLimit(limits.signInPerAccount, identifier);
		if (ip) await hitLimit(limits.signInPerIp, ip);
		await recordLoginEvent({ kind: "signin_failure", method: "password", identifier, ip, userAgent });
		return json(submission.reply({ formErrors: [SIGN_IN_FAILED], hideFields: ["password"] }), { status: 401 });
	}
	await clearLimit(limits.signInPerAccount, identifier);
	return completeFirstFactor({ ...result, method: "password", request, context, redirectTo });
}

export default function Login() {
	const { redirectTo, signInError, linkLabel, providers } = useLoaderData<typeof loader>();
	const lastResult = useActionData<typeof action>();
	const [form, fields] = useForm({
		id: "login",
		lastResult,
		shouldValidate: "onSubmit",
		shouldRevalidate: "onInput",
		onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
	});
	useClearOnError(lastResult, [fields.password.id]);
	return (
		<section className="mx-auto max-w-md" aria-labelledby="login-title">
			<h1 id="login-title" className="text-2xl font-bold">
				Sign in
			</h1>
			<p className="mt-1 text-sm text-muted">
				New here?{" "}
				<Link to={`/register?${new URLSearchParams({ redirectTo })}`} className="underline">
					Create an account
				</Link>
			</p>
			<Form
				method="post"
				{...getFormProps(form)}
				className="login-form mt-6 grid gap-4 rounded-xl border border-line bg-surface p-6"
			>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				{linkLabel ? (
					<p className="link-notice rounded-md border border-accent px-3 py-2 text-sm">
						An account with the email of your {linkLabel} account already exists. Sign in to it to link {linkLabel}.
					</p>
				) : null}
				<FormErrors id={form.errorId} errors={form.errors ?? (signInError ? [signInError] : undefined)} />
				<TextField meta={fields.email} label="Email or username" type="text" autoComplete="username" />
				<TextField meta={fields.password} label="Password" type="password" autoComplete="current-password" />
				<div>
					<SubmitButton>Sign in</SubmitButton>
				</div>
			</Form>
			{providers.length > 0 && !linkLabel ? (
				<div className="sign-in-providers mt-4 grid gap-2">
					{providers.map((provider) => (
						<a
							key={provider.key}
							href={`/auth/${provider.key}?${new URLSearchParams({ redirectTo })}`}
							className="block rounded-md border border-line bg-surface px-4 py-2 text-center font-medium hover:bg-surface-2"
						>
							Continue with {provider.label}
						</a>
					))}
				</div>
			) : null}
		</section>
	);
}
