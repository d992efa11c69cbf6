import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { recordLoginEvent } from "~/auth/events.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { clientOf } from "~/auth/request.server";
import { listSessions, requireUser, revokeOtherSessions, revokeSession } from "~/auth/session.server";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/forms";
import { newPasswordField } from "~/lib/account-schemas";
import { listLoginEvents } from "~/models/login-events.server";
import { getPasswordHash, setPasswordHash } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Security · OmniMediaTrak" }];

const EndSession = z.object({ intent: z.literal("end-session"), sessionId: z.uuid("Unknown session.") });
const EndOthers = z.object({ intent: z.literal("end-others") });
const ChangePassword = z
	.object({
		intent: z.literal("change-password"),
		currentPassword: z.string({ error: "Enter your current password." }).max(1024),
		password: newPasswordField,
		confirmPassword: z.string({ error: "Repeat the new password." }),
	})
	.refine((data) => data.password === data.confirmPassword, {
		path: ["confirmPassword"],
		message: "The passwords do not match.",
	});

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const [sessions, events, passwordHash] = await Promise.all([
		listSessions({ userId: user.id }),
		listLoginEvents({ userId: user.id, limit: 15 }),
		getPasswordHash(user.id),
	]);
	return {
		currentSessionId: user.sessionId,
		hasPassword: Boolean(passwordHash),
		sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
		events,
	};
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const formData = await request.formData();
	const intent = formData.get("intent");
	const { ip, userAgent } = clientOf(request, context);
	if (intent === "end-session") {
		const submission = parseWithZod(formData, { schema: EndSession });
		if (submission.status !== "success") return json(submission.reply(), { status: 400 });
		const ended = await revokeSession({ userId: user.id, sessionId: submission.value.sessionId });
		if (!ended) throw new Response("Not found", { status: 404 });
		await recordLoginEvent({ kind: "session_revoked", method: "session", userId: user.id, ip, userAgent });
		return redirect(submission.value.sessionId === user.sessionId ? "/" : "/settings/security");
	}
	if (intent === "end-others") {
		const submission = parseWithZod(formData, { schema: EndOthers });
		if (submission.status !== "success") return json(submission.reply(), { status: 400 });
		const count = await revokeOtherSessions({ userId: user.id, keepSessionId: user.sessionId });
		await recordLoginEvent({
			kind: "session_revoked",
			method: "session",
			userId: user.id,
			ip,
			userAgent,
			detail: { count },
		});
		return redirect("/settings/security");
	}
	if (intent === "change-password") {
		const submission = parseWithZod(formData, { schema: ChangePassword });
		const hidden = ["currentPassword", "password", "confirmPassword"];
		if (submission.status !== "success") return json(submission.reply({ hideFields: hidden }), { status: 400 });
		const current = await getPasswordHash(user.id);
		if (current && !(await verifyPassword(submission.value.currentPassword, current))) {
			return json(
				submission.reply({
					fieldErrors: { currentPassword: ["That is not your current password."] },
					hideFields: hidden,
				}),
				{
					status: 400,
				},
			);
		}
		await setPasswordHash({ userId: user.id, passwordHash: await hashPassword(submission.value.password) });
		await revokeOtherSessions({ userId: user.id, keepSessionId: user.sessionId });
		await recordLoginEvent({ kind: "password_changed", method: "password", userId: user.id, ip, userAgent });
		return redirect("/settings/security?changed=password");
	}
	return json({ status: "error", error: { "": ["Unknown action."] } } as const, { status: 400 });
}

const when = (date: string | Date) => new Date(date).toISOString().replace("T", " ").slice(0, 16);

export default function Security() {
	const { sessions, events, hasPassword } = useLoaderData<typeof loader>();
	const lastResult = useActionData<typeof action>();
	const [form, fields] = useForm({
		id: "change-password",
		lastResult: lastResult && "initialValue" in lastResult ? lastResult : undefined,
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePassword }),
	});
	return (
		<div className="grid gap-8">
			<section aria-labelledby="sessions-title" className="sessions">
				<h1 id="sessions-title" className="text-2xl font-bold">
					Where you are signed in
				</h1>
				<ul className="mt-4 divide-y divide-line rounded-xl border border-line bg-surface">
					{sessions.map((session) => (
						<li
							key={session.id}
							className="session-row flex flex-wrap items-center justify-between gap-3 px-4 py-3"
							data-current={session.current}
						>
							<div className="min-w-0 text-sm">
								<p className="truncate font-medium">
									{session.userAgent ?? "Unknown browser"}{" "}
									{session.current ? <span className="text-accent">(this browser)</span> : null}
								</p>
								<p className="text-muted">
									{session.ip ?? "unknown address"} · signed in {when(session.createdAt)} UTC · last seen{" "}
									{when(session.lastSeenAt)} UTC
								</p>
							</div>
							<Form method="post">
								<input type="hidden" name="sessionId" value={session.id} />
								<button
									type="submit"
									name="intent"
									value="end-session"
									className="rounded-md border border-line px-3 py-1 text-sm hover:bg-surface-2"
								>
									{session.current ? "Sign out here" : "End session"}
								</button>
							</Form>
						</li>
					))}
				</ul>
				{sessions.length > 1 ? (
					<Form method="post" className="mt-3">
						<button
							type="submit"
							name="intent"
							value="end-others"
							className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface"
						>
							Sign out everywhere else
						</button>
					</Form>
				) : null}
			</section>

			<section aria-labelledby="password-title">
				<h2 id="password-title" className="text-xl font-semibold">
					{hasPassword ? "Change password" : "Set a password"}
				</h2>
				<Form method="post" {...getFormProps(form)} className="mt-3 grid max-w-md gap-3">
					<input type="hidden" name="intent" value="change-password" />
					<FormErrors id={form.errorId} errors={form.errors} />
					{hasPassword ? (
						<Field
							label="Current password"
							htmlFor={fields.currentPassword.id}
							errorId={fields.currentPassword.errorId}
							errors={fields.currentPassword.errors}
						>
							<input
								{...getInputProps(fields.currentPassword, { type: "password" })}
								autoComplete="current-password"
								className={inputClass}
							/>
						</Field>
					) : (
						<input type="hidden" name="currentPassword" value="" />
					)}
					<Field
						label="New password"
						htmlFor={fields.password.id}
						errorId={fields.password.errorId}
						errors={fields.password.errors}
					>
						<input
							{...getInputProps(fields.password, { type: "password" })}
							autoComplete="new-password"
							className={inputClass}
						/>
					</Field>
					<Field
						label="Repeat new password"
						htmlFor={fields.confirmPassword.id}
						errorId={fields.confirmPassword.errorId}
						errors={fields.confirmPassword.errors}
					>
						<input
							{...getInputProps(fields.confirmPassword, { type: "password" })}
							autoComplete="new-password"
							className={inputClass}
						/>
					</Field>
					<div>
						<SubmitButton>Save password</SubmitButton>
					</div>
				</Form>
			</section>

			<section aria-labelledby="activity-title">
				<h2 id="activity-title" className="text-xl font-semibold">
					Recent activity
				</h2>
				<table className="login-events mt-3 w-full text-left text-sm">
					<thead className="text-muted">
						<tr>
							<th scope="col" className="py-1 font-medium">
								When (UTC)
							</th>
							<th scope="col" className="py-1 font-medium">
								What
							</th>
							<th scope="col" className="py-1 font-medium">
								How
							</th>
							<th scope="col" className="py-1 font-medium">
								From
							</th>
						</tr>
					</thead>
					<tbody>
						{events.map((event) => (
							<tr key={event.id} className="border-t border-line">
								<td className="py-1 tabular-nums">{when(event.createdAt)}</td>
								<td className="py-1">{event.event.replaceAll("_", " ")}</td>
								<td className="py-1">{event.method}</td>
								<td className="py-1">{event.ip ?? "—"}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</div>
	);
}
