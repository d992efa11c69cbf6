import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { recordLoginEvent } from "~/auth/events.server";
import { firstLimited, hitLimit, limits, tooManyMessage } from "~/auth/rate-limit.server";
import { clientOf } from "~/auth/request.server";
import { startSession } from "~/auth/session.server";
import { getPendingTwoFactor } from "~/auth/sign-in.server";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/forms";
import { TwoFactorCodeSchema } from "~/lib/account-schemas";
import { verifySecondFactor } from "~/models/two-factor.server";

export const meta: MetaFunction = () => [{ title: "Two-factor sign-in · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	if (!(await getPendingTwoFactor(request))) throw redirect("/login");
	return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
	const state = await getPendingTwoFactor(request);
	if (!state) throw redirect("/login");
	const { pending, flow } = state;
	const submission = parseWithZod(await request.formData(), { schema: TwoFactorCodeSchema });
	if (submission.status !== "success") return json(submission.reply({ hideFields: ["code"] }), { status: 400 });
	const { ip, userAgent } = clientOf(request, context);

	const limited = await firstLimited([
		[limits.twoFactorPerAccount, pending.userId],
		[limits.twoFactorPerIp, ip],
	]);
	if (limited.limited) {
		return json(submission.reply({ formErrors: [tooManyMessage(limited.retryAfter)], hideFields: ["code"] }), {
			status: 429,
			headers: { "Retry-After": String(limited.retryAfter) },
		});
	}
	const result = await verifySecondFactor({ userId: pending.userId, code: submission.value.code });
	if (!result) {
		await hitLimit(limits.twoFactorPerAccount, pending.userId);
		if (ip) await hitLimit(limits.twoFactorPerIp, ip);
		await recordLoginEvent({ kind: "2fa_failure", method: pending.method, userId: pending.userId, ip, userAgent });
		return json(
			submission.reply({
				fieldErrors: { code: ["That code is not valid. Try the current code."] },
				hideFields: ["code"],
			}),
			{
				status: 401,
			},
		);
	}
	await recordLoginEvent({
		kind: result === "recovery_code" ? "recovery_code_used" : "2fa_success",
		method: pending.method,
		userId: pending.userId,
		ip,
		userAgent,
	});
	flow.unset("pendingTwoFactor");
	return startSession({
		userId: pending.userId,
		method: `${pending.method}+${result === "totp" ? "totp" : "recovery"}`,
		request,
		context,
		redirectTo: pending.redirectTo,
		flow,
	});
}

export default function TwoFactorStep() {
	const lastResult = useActionData<typeof action>();
	const [form, fields] = useForm({
		id: "two-factor",
		lastResult,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: TwoFactorCodeSchema }),
	});
	return (
		<section className="mx-auto max-w-md" aria-labelledby="two-factor-title">
			<h1 id="two-factor-title" className="text-2xl font-bold">
				Two-factor sign-in
			</h1>
			<p className="mt-1 text-sm text-muted">
				Enter the 6-digit code from your authenticator app, or one of your recovery codes.
			</p>
			<Form
				method="post"
				{...getFormProps(form)}
				className="two-factor-form mt-6 grid gap-4 rounded-xl border border-line bg-surface p-6"
			>
				<FormErrors id={form.errorId} errors={form.errors} />
				<Field label="Code" htmlFor={fields.code.id} errorId={fields.code.errorId} errors={fields.code.errors}>
					<input
						{...getInputProps(fields.code, { type: "text" })}
						autoComplete="one-time-code"
						inputMode="text"
						className={inputClass}
					/>
				</Field>
				<div className="flex items-center justify-between">
					<SubmitButton>Verify</SubmitButton>
					<Link to="/login" className="text-sm underline">
						Start over
					</Link>
				</div>
			</Form>
		</section>
	);
}
