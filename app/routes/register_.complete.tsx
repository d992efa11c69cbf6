import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getAuthFlowStorage } from "~/auth/cookies.server";
import { recordLoginEvent } from "~/auth/events.server";
import { findProvider } from "~/auth/providers.server";
import { firstLimited, hitLimit, limits, tooManyMessage } from "~/auth/rate-limit.server";
import { clientOf } from "~/auth/request.server";
import { startSession } from "~/auth/session.server";
import { FormErrors, SubmitButton, TermsField, TextField } from "~/components/forms";
import { CompleteExternalSchema } from "~/lib/account-schemas";
import { linkIdentity } from "~/models/identities.server";
import { AccountTakenError, createAccount, refineAccountAvailability, takenMessages } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Choose your username · OmniMediaTrak" }];

async function pendingIdentity(request: Request) {
	const flow = await getAuthFlowStorage().getSession(request.headers.get("Cookie"));
	const identity = flow.get("newIdentity");
	if (!identity) throw redirect("/register");
	return { flow, identity };
}

function suggestUsername(email: string | null, name: string | null): string {
	const base = (email?.split("@")[0] ?? name ?? "").replace(/[^A-Za-z0-9_]/g, "_").slice(0, 24);
	return base.length >= 3 ? base : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
	const { identity } = await pendingIdentity(request);
	return {
		provider: findProvider(identity.provider)?.label ?? identity.provider,
		suggested: {
			username: suggestUsername(identity.email, identity.name),
			displayName: identity.name ?? "",
			email: identity.email ?? "",
		},
	};
}

export async function action({ request, context }: ActionFunctionArgs) {
	const { flow, identity } = await pendingIdentity(request);
	const formData = await request.formData();
	const { ip, userAgent } = clientOf(request, context);
	const limited = await firstLimited([[limits.registerPerIp, ip]]);
	if (limited.limited) {
		const submission = parseWithZod(formData, { schema: CompleteExternalSchema });
		return json(submission.reply({ formErrors: [tooManyMessage(limited.retryAfter)] }), {
			status: 429,
			headers: { "Retry-After": String(limited.retryAfter) },
		});
	}
	const submission = await parseWithZod(formData, {
		schema: CompleteExternalSchema.superRefine(refineAccountAvailability),
		async: true,
	});
	if (submission.status !== "success") return json(submission.reply(), { status: 400 });
	const input = submission.value;
	let account: { id: string };
	try {
		account = await createAccount({
			username: input.username,
			displayName: input.displayName,
			email: input.email,
			passwordHash: null,
			emailVerified: identity.emailVerified && input.email === identity.email,
		});
	} catch (error) {
		if (!(error instanceof AccountTakenError)) throw error;
		const message = takenMessages[error.field];
		return json(submission.reply({ fieldErrors: { [error.field]: [message] } }), { status: 400 });
	}
	await linkIdentity({ userId: account.id, ...identity });
	if (ip) await hitLimit(limits.registerPerIp, ip);
	const method = `oidc:${identity.provider}`;
	await recordLoginEvent({ kind: "register", method, userId: account.id, identifier: input.email, ip, userAgent });
	flow.unset("newIdentity");
	return startSession({ userId: account.id, method, request, context, redirectTo: identity.redirectTo, flow });
}

export default function CompleteExternalRegistration() {
	const { provider, suggested } = useLoaderData<typeof loader>();
	const lastResult = useActionData<typeof action>();
	const [form, fields] = useForm<{ username: string; displayName: string; email: string; acceptTerms: string }>({
		id: "complete-registration",
		lastResult,
		defaultValue: suggested,
		shouldValidate: "onInput",
		onValidate: ({ formData }) => parseWithZod(formData, { schema: CompleteExternalSchema }),
	});
	return (
		<section className="mx-auto max-w-md" aria-labelledby="complete-title">
			<h1 id="complete-title" className="text-2xl font-bold">
				Welcome! Choose your username
			</h1>
			<p className="mt-1 text-sm text-muted">You signed in with {provider}. One more step to create your account.</p>
			<Form
				method="post"
				{...getFormProps(form)}
				className="complete-form mt-6 grid gap-4 rounded-xl border border-line bg-surface p-6"
			>
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField meta={fields.username} label="Username" type="text" autoComplete="username" />
				<TextField meta={fields.displayName} label="Display name" type="text" autoComplete="nickname" />
				<TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
				<TermsField meta={fields.acceptTerms} />
				<div>
					<SubmitButton>Create account</SubmitButton>
				</div>
			</Form>
		</section>
	);
}
