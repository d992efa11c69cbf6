import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { recordLoginEvent } from "~/auth/events.server";
import { hashPassword, verifyPassword } from "~/auth/password.server";
import { getProviders } from "~/auth/providers.server";
import { clientOf } from "~/auth/request.server";
import { listSessions, requireUser, revokeOtherSessions, revokeSession } from "~/auth/session.server";
import { FormErrors, SubmitButton, TextField } from "~/components/forms";
import { newPasswordField } from "~/lib/account-schemas";
import { listIdentities, unlinkIdentity } from "~/models/identities.server";
import { listLoginEvents } from "~/models/login-events.server";
import { getPasswordHash, setPasswordHash } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Security · OmniMediaTrak" }];

const EndSession = z.object({ intent: z.literal("end-session"), sessionId: z.uuid("Unknown session.") });
const EndOthers = z.object({ intent: z.literal("end-others") });
const Unlink = z.object({
	intent: z.literal("unlink"),
	provider: z.string().regex(/^[a-z0-9]{1,32}$/, "Unknown provider."),
});
const ChangePassword = z
	.object({
		intent: z.literal("change-password"),
		// Required only when the account already has a password (checked in the action).
		currentPassword: z.string().max(1024).optional(),
		password: newPasswordField,
		confirmPassword: z.string({ error: "Repeat the new password." }),
	})
	.refine((data) => data.password === data.confirmPassword, {
		path: ["confirmPassword"],
		message: "The passwords do not match.",
	});

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const [sessions, events, passwordHash, identities] = await Promise.all([
		listSessions({ userId: user.id }),
		listLoginEvents({ userId: user.id, limit: 15 }),
		getPasswordHash(user.id),
		listIdentities({ userId: user.id }),
	]);
	const providers = getProviders();
	const labelOf = (key: string) => providers.find((p) => p.key === key)?.label ?? key;
	const linkOutcome = new URL(request.url).searchParams.get("identity");
	return {
		identities: identities.map((identity) => ({ ...identity, label: labelOf(identity.provider) })),
		linkable: providers
			.filter((p) => !identities.some((identity) => identity.provider === p.key))
			.map(({ key, label }) => ({ key, label })),
		linkOutcome: linkOutcome === "linked" || linkOutcome === "taken" ? linkOutcome : null,
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
	if (intent === "unlink") {
		const submission = parseWithZod(formData, { schema: Unlink });
		if (submission.status !== "success") return json(submission.reply(), { status: 400 });
		const outcome = await unlinkIdentity({ userId: user.id, provider: submission.value.provider });
		if (outcome === "not-found") throw new Response("Not found", { status: 404 });
		if (outcome === "last-way-to-sign-in") {
			return json(
				{ unlinkError: "You cannot unlink it: it is your only way to sign in. Set a password first." },
				{ status: 400 },
			);
		}
		await recordLoginEvent({
			kind: "identity_unlinked",
			method: `oidc:${submission.value.provider}`,
			userId: user.id,
			ip,
			userAgent,
		});
		return redirect("/settings/security");
	}
	if (intent === "change-password") {
		const submission = parseWithZod(formData, { schema: ChangePassword });
		const hidden = ["currentPassword", "password", "confirmPassword"];
		if (submission.status !== "success") return json(submission.reply({ hideFields: hidden }), { status: 400 });
		const current = await getPasswordHash(user.id);
		if (current && !(await verifyPassword(submission.value.currentPassword ?? "", current))) {
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
	const { sessions, events, hasPassword, identities, linkable, linkOutcome } = useLoaderData<typeof loader>();
	const lastResult = useActionData<typeof action>();
	const unlinkError = lastResult && "unlinkError" in lastResult ? lastResult.unlinkError : null;
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

			<section aria-labelledby="identities-title" className="identities">
				<h2 id="identities-title" className="text-xl font-semibold">
					Linked accounts
				</h2>
				{linkOutcome === "linked" ? <p className="mt-2 text-sm">Linked.</p> : null}
				{linkOutcome === "taken" ? (
					<p className="mt-2 text-sm text-warn">That account is already linked to another OmniMediaTrak account.</p>
				) : null}
				<FormErrors errors={unlinkError ? [unlinkError] : undefined} />
				<ul className="mt-3 grid gap-2">
					{identities.map((identity) => (
						<li
							key={identity.provider}
							className="flex items-center justify-between gap-3 rounded-md border border-line bg-surface px-3 py-2 text-sm"
						>
							<span>
								{identity.label} {identity.email ? <span className="text-muted">({identity.email})</span> : null}
							</span>
							<Form method="post">
								<input type="hidden" name="provider" value={identity.provider} />
								<button
									type="submit"
									name="intent"
									value="unlink"
									className="rounded-md border border-line px-3 py-1 hover:bg-surface-2"
								>
									Unlink
								</button>
							</Form>
						</li>
					))}
					{identities.length === 0 ? <li className="text-sm text-muted">No linked accounts.</li> : null}
				</ul>
				{linkable.length > 0 ? (
					<p className="mt-3 flex flex-wrap gap-2 text-sm">
						{linkable.map((provider) => (
							<a
								key={provider.key}
								href={`/auth/${provider.key}?link=1`}
								className="rounded-md border border-line px-3 py-1 hover:bg-surface"
							>
								Link your {provider.label} account
							</a>
						))}
					</p>
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
						<TextField
							meta={fields.currentPassword}
							label="Current password"
							type="password"
							autoComplete="current-password"
						/>
					) : null}
					<TextField meta={fields.password} label="New password" type="password" autoComplete="new-password" />
					<TextField
						meta={fields.confirmPassword}
						label="Repeat new password"
						type="password"
						autoComplete="new-password"
					/>
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
