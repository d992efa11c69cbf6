import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { recordLoginEvent } from "~/auth/events.server";
import { hashPassword } from "~/auth/password.server";
import { firstLimited, hitLimit, limits, tooManyMessage } from "~/auth/rate-limit.server";
import { clientOf } from "~/auth/request.server";
import { getUser, startSession } from "~/auth/session.server";
import {
	Field,
	FormErrors,
	inputClass,
	SubmitButton,
	TermsField,
	TextField,
	useClearOnError,
} from "~/components/forms";
import { RegisterSchema } from "~/lib/account-schemas";
import { countryOptions } from "~/lib/countries";
import { mediaTypeLabels } from "~/lib/media-types";
import { passwordStrength } from "~/lib/password-strength";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { AccountTakenError, createAccount, refineAccountAvailability, takenMessages } from "~/models/users.server";
import { mediaTypes } from "../../db/schema/columns";

export const meta: MetaFunction = () => [{ title: "Create your account · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/");
	if (await getUser(request)) throw redirect(redirectTo);
	return { redirectTo, countries: countryOptions() };
}

const secretFields = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
	const formData = await request.formData();
	const redirectTo = safeRedirectPath(formData.get("redirectTo"), "/");
	const { ip, userAgent } = clientOf(request, context);
	const limited = await firstLimited([
		[limits.registerPerIp, ip],
		[limits.registerAttemptsPerIp, ip],
	]);
	if (limited.limited) {
		const submission = parseWithZod(formData, { schema: RegisterSchema });
		return json(submission.reply({ formErrors: [tooManyMessage(limited.retryAfter)], hideFields: secretFields }), {
			status: 429,
			headers: { "Retry-After": String(limited.retryAfter) },
		});
	}
	const submission = await parseWithZod(formData, {
		schema: RegisterSchema.superRefine(refineAccountAvailability),
		async: true,
	});
	if (ip) await hitLimit(limits.registerAttemptsPerIp, ip);
	if (submission.status !== "success") {
		return json(submission.reply({ hideFields: secretFields }), { status: 400 });
	}
	const input = submission.value;
	let account: { id: string };
	try {
		account = await createAccount({
			username: input.username,
			displayName: input.displayName,
			email: input.email,
			passwordHash: await hashPassword(input.password),
			country: input.country ?? null,
			birthDate: input.birthDate ?? null,
			mediaTypes: input.mediaTypes,
			ratingScale: Number(input.ratingScale) as 5 | 10 | 100,
		});
	} catch (error) {
		if (!(error instanceof AccountTakenError)) throw error;
		const message = takenMessages[error.field];
		return json(submission.reply({ fieldErrors: { [error.field]: [message] }, hideFields: secretFields }), {
			status: 400,
		});
	}
	if (ip) await hitLimit(limits.registerPerIp, ip);
	await recordLoginEvent({
		kind: "register",
		method: "password",
		userId: account.id,
		identifier: input.email,
		ip,
		userAgent,
	});
	return startSession({ userId: account.id, method: "password", request, context, redirectTo });
}

export default function Register() {
	const { redirectTo, countries } = useLoaderData<typeof loader>();
	const lastResult = useActionData<typeof action>();
	const [form, fields] = useForm({
		id: "register",
		lastResult,
		defaultValue: { ratingScale: "10" },
		constraint: getZodConstraint(RegisterSchema),
		// Validate while typing, not on blur: a message appearing on blur shifts the layout under the pointer.
		shouldValidate: "onInput",
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
	});
	const [password, setPassword] = useState("");
	useClearOnError(lastResult, [fields.password.id, fields.confirmPassword.id]);
	const strength = passwordStrength(password);
	return (
		<section className="mx-auto max-w-2xl" aria-labelledby="register-title">
			<h1 id="register-title" className="text-2xl font-bold">
				Create your account
			</h1>
			<p className="mt-1 text-sm text-muted">
				Already have one?{" "}
				<Link to={`/login?${new URLSearchParams({ redirectTo })}`} className="underline">
					Sign in
				</Link>
			</p>
			<Form
				method="post"
				{...getFormProps(form)}
				className="register-form mt-6 grid gap-5 rounded-xl border border-line bg-surface p-6"
			>
				<input type="hidden" name="redirectTo" value={redirectTo} />
				<FormErrors id={form.errorId} errors={form.errors} />
				<div className="row one grid gap-4 sm:grid-cols-2">
					<TextField meta={fields.username} label="Username" type="text" autoComplete="username" />
					<TextField meta={fields.displayName} label="Display name" type="text" autoComplete="nickname" />
				</div>
				<div className="row two">
					<TextField meta={fields.email} label="Email" type="email" autoComplete="email" />
				</div>
				<div className="row three grid gap-4 sm:grid-cols-2">
					<Field
						label="Password"
						htmlFor={fields.password.id}
						errorId={fields.password.errorId}
						errors={fields.password.errors}
						hint={
							<span className="password-strength" data-score={strength.score}>
								At least 10 characters; a long passphrase is strongest.
								{password ? ` Strength: ${strength.label}.` : null}
							</span>
						}
					>
						<input
							{...getInputProps(fields.password, { type: "password" })}
							autoComplete="new-password"
							onInput={(event) => setPassword(event.currentTarget.value)}
							className={inputClass}
						/>
					</Field>
					<TextField
						meta={fields.confirmPassword}
						label="Confirm password"
						type="password"
						autoComplete="new-password"
					/>
				</div>
				<div className="row four grid gap-4 sm:grid-cols-2">
					<Field
						label="Country (optional)"
						htmlFor={fields.country.id}
						errorId={fields.country.errorId}
						errors={fields.country.errors}
					>
						<select {...getSelectProps(fields.country)} autoComplete="country" className={inputClass}>
							<option value="">—</option>
							{countries.map((country) => (
								<option key={country.code} value={country.code}>
									{country.name}
								</option>
							))}
						</select>
					</Field>
					<TextField meta={fields.birthDate} label="Date of birth (optional)" type="date" autoComplete="bday" />
				</div>
				<div className="row five grid gap-4 sm:grid-cols-[2fr_1fr]">
					<fieldset aria-describedby={fields.mediaTypes.errorId}>
						<legend className="text-sm font-medium">What do you follow?</legend>
						<div className="mt-2 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
							{getCollectionProps(fields.mediaTypes, { type: "checkbox", options: [...mediaTypes] }).map((props) => (
								<label key={props.value} className="flex items-center gap-2">
									<input {...props} key={props.key} />
									{mediaTypeLabels[props.value as (typeof mediaTypes)[number]]}
								</label>
							))}
						</div>
						{fields.mediaTypes.errors ? (
							<p className="mt-1 text-sm text-warn" id={fields.mediaTypes.errorId}>
								{fields.mediaTypes.errors.join(" ")}
							</p>
						) : null}
					</fieldset>
					<fieldset aria-describedby={fields.ratingScale.errorId}>
						<legend className="text-sm font-medium">Rating scale</legend>
						<div className="mt-2 grid gap-1 text-sm">
							{getCollectionProps(fields.ratingScale, { type: "radio", options: ["5", "10", "100"] }).map((props) => (
								<label key={props.value} className="flex items-center gap-2">
									<input {...props} key={props.key} />
									{props.value === "5" ? "5 stars" : props.value === "10" ? "10 points" : "100 points"}
								</label>
							))}
						</div>
						{fields.ratingScale.errors ? (
							<p className="mt-1 text-sm text-warn" id={fields.ratingScale.errorId}>
								{fields.ratingScale.errors.join(" ")}
							</p>
						) : null}
					</fieldset>
				</div>
				<div className="row six flex flex-wrap items-center justify-between gap-4">
					<TermsField meta={fields.acceptTerms} />
					<SubmitButton>Create account</SubmitButton>
				</div>
			</Form>
		</section>
	);
}
