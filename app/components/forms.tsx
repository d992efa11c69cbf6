import { type FieldMetadata, getInputProps } from "@conform-to/react";
import { type FormEvent, type ReactNode, useEffect } from "react";

export const inputClass =
	"mt-1 block w-full rounded-md border border-line bg-surface px-3 py-2 text-ink shadow-sm focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-warn";

/** Errors of one field, linked to its input by id (aria-describedby). */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
	if (!errors?.length) return null;
	return (
		<ul id={id} className="field-errors mt-1 text-sm text-warn">
			{errors.map((error) => (
				<li key={error}>{error}</li>
			))}
		</ul>
	);
}

export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
	if (!errors?.length) return null;
	return (
		<div id={id} role="alert" className="form-errors rounded-md border border-warn px-3 py-2 text-sm text-warn">
			{errors.map((error) => (
				<p key={error}>{error}</p>
			))}
		</div>
	);
}

export function Field({
	label,
	htmlFor,
	errorId,
	errors,
	hint,
	children,
	className = "",
}: {
	label: string;
	htmlFor: string;
	errorId: string;
	errors?: string[];
	hint?: ReactNode;
	children: ReactNode;
	className?: string;
}) {
	return (
		<div className={`field ${className}`}>
			<label htmlFor={htmlFor} className="block text-sm font-medium">
				{label}
			</label>
			{children}
			{hint ? <div className="mt-1 text-xs text-muted">{hint}</div> : null}
			<FieldErrors id={errorId} errors={errors} />
		</div>
	);
}

export function SubmitButton({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
	return (
		<button
			type="submit"
			name={name}
			value={value}
			className="rounded-md bg-accent px-4 py-2 font-medium text-on-accent hover:opacity-90 focus-visible:outline-2 focus-visible:outline-accent"
		>
			{children}
		</button>
	);
}

/**
 * After a rejected post, empties the secret inputs with JavaScript on too (without it the server
 * already leaves them out), so a password is never left in a form that failed. The inputs are
 * uncontrolled, so clearing the DOM value leaves the form's error state alone.
 */
export function useClearOnError(lastResult: unknown, inputIds: string[]) {
	// biome-ignore lint/correctness/useExhaustiveDependencies: run once per server answer
	useEffect(() => {
		if ((lastResult as { status?: string } | undefined | null)?.status !== "error") return;
		for (const id of inputIds) {
			const input = document.getElementById(id);
			if (input instanceof HTMLInputElement) input.value = "";
		}
	}, [lastResult]);
}

/** A labelled text-like input bound to a Conform field, with its errors and an optional hint. */
export function TextField({
	meta,
	label,
	type = "text",
	autoComplete,
	hint,
	onInput,
}: {
	meta: FieldMetadata<string>;
	label: string;
	type?: "text" | "email" | "password" | "date";
	autoComplete?: string;
	hint?: ReactNode;
	onInput?: (event: FormEvent<HTMLInputElement>) => void;
}) {
	return (
		<Field label={label} htmlFor={meta.id} errorId={meta.errorId} errors={meta.errors} hint={hint}>
			<input {...getInputProps(meta, { type })} autoComplete={autoComplete} onInput={onInput} className={inputClass} />
		</Field>
	);
}

/** The terms checkbox of both sign-up forms. */
export function TermsField({ meta }: { meta: FieldMetadata<string> }) {
	return (
		<div>
			<label className="flex items-center gap-2 text-sm">
				<input {...getInputProps(meta, { type: "checkbox", value: "on" })} />I accept the terms of use and the privacy
				policy.
			</label>
			{meta.errors ? (
				<p className="mt-1 text-sm text-warn" id={meta.errorId}>
					{meta.errors.join(" ")}
				</p>
			) : null}
		</div>
	);
}
