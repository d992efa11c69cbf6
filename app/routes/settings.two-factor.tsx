import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { recordLoginEvent } from "~/auth/events.server";
import { firstLimited, hitLimit, limits, tooManyMessage } from "~/auth/rate-limit.server";
import { clientOf } from "~/auth/request.server";
import { requireUser } from "~/auth/session.server";
import { otpauthUri } from "~/auth/totp.server";
import { Field, FormErrors, inputClass, SubmitButton } from "~/components/forms";
import {
	beginEnrolment,
	confirmEnrolment,
	disableTwoFactor,
	getTwoFactorState,
	verifySecondFactor,
} from "~/models/two-factor.server";

export const meta: MetaFunction = () => [{ title: "Two-factor authentication · OmniMediaTrak" }];

const CodeForm = z.object({
	intent: z.enum(["confirm", "disable"]),
	code: z.string().trim().min(6, "Enter the 6-digit code.").max(20, "That code is too long."),
});

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const state = await getTwoFactorState({ userId: user.id });
	let enrolment: { secret: string; qrDataUrl: string } | null = null;
	if (state.pendingSecret) {
		const uri = otpauthUri({ secret: state.pendingSecret, account: user.email, issuer: "OmniMediaTrak" });
		const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
		enrolment = {
			secret: state.pendingSecret.replace(/(.{4})/g, "$1 ").trim(),
			qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
		};
	}
	return { enabled: state.enabled, recoveryCodesLeft: state.recoveryCodesLeft, enrolment };
}

type ActionResult = { error?: string; recoveryCodes?: string[] };

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const formData = await request.formData();
	const { ip, userAgent } = clientOf(request, context);
	if (formData.get("intent") === "begin") {
		await beginEnrolment({ userId: user.id });
		return redirect("/settings/two-factor");
	}
	const parsed = CodeForm.safeParse(Object.fromEntries(formData));
	if (!parsed.success) {
		return json<ActionResult>({ error: parsed.error.issues[0]?.message ?? "Enter the code." }, { status: 400 });
	}
	const limited = await firstLimited([
		[limits.twoFactorPerAccount, user.id],
		[limits.twoFactorPerIp, ip],
	]);
	if (limited.limited) {
		return json<ActionResult>(
			{ error: tooManyMessage(limited.retryAfter) },
			{ status: 429, headers: { "Retry-After": String(limited.retryAfter) } },
		);
	}
	const { intent, code } = parsed.data;
	if (intent === "confirm") {
		const recoveryCodes = await confirmEnrolment({ userId: user.id, code });
		if (!recoveryCodes) {
			await hitLimit(limits.twoFactorPerAccount, user.id);
			return json<ActionResult>(
				{ error: "That code is not valid. Check your app's clock and try the current code." },
				{ status: 400 },
			);
		}
		await recordLoginEvent({ kind: "2fa_enabled", method: "totp", userId: user.id, ip, userAgent });
		return json<ActionResult>({ recoveryCodes });
	}
	const verified = await verifySecondFactor({ userId: user.id, code });
	if (!verified) {
		await hitLimit(limits.twoFactorPerAccount, user.id);
		await recordLoginEvent({ kind: "2fa_failure", method: "totp", userId: user.id, ip, userAgent });
		return json<ActionResult>({ error: "That code is not valid." }, { status: 400 });
	}
	await disableTwoFactor({ userId: user.id });
	await recordLoginEvent({ kind: "2fa_disabled", method: verified, userId: user.id, ip, userAgent });
	return redirect("/settings/two-factor");
}

function CodeInput({ label }: { label: string }) {
	return (
		<Field label={label} htmlFor="two-factor-code" errorId="two-factor-code-error">
			<input
				id="two-factor-code"
				name="code"
				type="text"
				autoComplete="one-time-code"
				required
				maxLength={20}
				className={inputClass}
			/>
		</Field>
	);
}

export default function TwoFactorSettings() {
	const { enabled, recoveryCodesLeft, enrolment } = useLoaderData<typeof loader>();
	const result = useActionData<typeof action>();
	if (result?.recoveryCodes) {
		return (
			<section aria-labelledby="codes-title" className="recovery-codes">
				<h1 id="codes-title" className="text-2xl font-bold">
					Two-factor authentication is on
				</h1>
				<p className="mt-2 text-muted">
					Keep these recovery codes somewhere safe. Each one signs you in once if you lose your authenticator. They are
					shown only now.
				</p>
				<ul className="mt-4 grid max-w-md grid-cols-2 gap-2 font-mono">
					{result.recoveryCodes.map((code) => (
						<li key={code} className="recovery-code rounded border border-line bg-surface px-3 py-1">
							{code}
						</li>
					))}
				</ul>
			</section>
		);
	}
	return (
		<section aria-labelledby="two-factor-title" className="grid max-w-xl gap-4">
			<h1 id="two-factor-title" className="text-2xl font-bold">
				Two-factor authentication
			</h1>
			<FormErrors errors={result?.error ? [result.error] : undefined} />
			{enabled ? (
				<>
					<p className="two-factor-status">
						On. {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left.
					</p>
					<Form method="post" className="grid gap-3">
						<input type="hidden" name="intent" value="disable" />
						<CodeInput label="Code (or a recovery code) to turn it off" />
						<div>
							<SubmitButton>Turn off two-factor</SubmitButton>
						</div>
					</Form>
				</>
			) : enrolment ? (
				<>
					<p>Scan this code with your authenticator app, or enter the key by hand, then type the code it shows.</p>
					<img
						className="qr-code w-48 rounded bg-white p-2"
						src={enrolment.qrDataUrl}
						alt="QR code for your authenticator app"
						width={192}
						height={192}
					/>
					<p className="text-sm">
						Key: <code className="manual-key font-mono">{enrolment.secret}</code>
					</p>
					<Form method="post" className="grid gap-3">
						<input type="hidden" name="intent" value="confirm" />
						<CodeInput label="Code from your app" />
						<div>
							<SubmitButton>Turn on</SubmitButton>
						</div>
					</Form>
				</>
			) : (
				<>
					<p className="two-factor-status">Off. Add a second step to sign-in with an authenticator app.</p>
					<Form method="post">
						<SubmitButton name="intent" value="begin">
							Set up two-factor
						</SubmitButton>
					</Form>
				</>
			)}
		</section>
	);
}
