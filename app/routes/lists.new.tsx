import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { FormErrors, SubmitButton } from "~/components/forms";
import { ListDetailsFields } from "~/components/lists/ListDetailsFields";
import { type ListDetailsInput, ListDetailsSchema, MAX_LISTS_PER_PERSON } from "~/lib/list-schemas";
import {
	definitionFields,
	definitionFromForm,
	describeDefinition,
	type SmartDefinition,
	viewHref,
} from "~/lib/smart-definition";
import { createSmartList, createStaticList } from "~/models/lists.server";

export const meta: MetaFunction = () => [{ title: "New list · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request);
	const params = new URL(request.url).searchParams;
	if (params.get("kind") !== "smart") return { smart: null };
	// The filters on screen when "Save as smart list" was chosen; junk in the URL is shown, not saved.
	const check = definitionFromForm(params);
	return {
		smart: check.ok ? { definition: check.definition, errors: [] } : { definition: null, errors: check.errors },
	};
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const formData = await request.formData();
	switch (formData.get("intent")) {
		case "create": {
			const submission = parseWithZod(formData, { schema: ListDetailsSchema });
			if (submission.status !== "success") return json(submission.reply(), { status: 400 });
			const created = await createStaticList({ userId: user.id, ...submission.value });
			if (!created.ok) {
				const message = `You have ${MAX_LISTS_PER_PERSON} lists, the most one person can have. Delete one to make room.`;
				return json(submission.reply({ formErrors: [message] }), { status: 400 });
			}
			return redirect(`/lists/${created.id}`);
		}
		case "create-smart": {
			const submission = parseWithZod(formData, { schema: ListDetailsSchema });
			const definition = definitionFromForm(formData);
			if (submission.status !== "success" || !definition.ok) {
				const formErrors = definition.ok ? undefined : definition.errors;
				return json(submission.reply({ formErrors }), { status: 400 });
			}
			const created = await createSmartList({
				userId: user.id,
				...submission.value,
				definition: definition.definition,
			});
			if (!created.ok) {
				const message = `You have ${MAX_LISTS_PER_PERSON} lists, the most one person can have. Delete one to make room.`;
				return json(submission.reply({ formErrors: [message] }), { status: 400 });
			}
			return redirect(`/lists/${created.id}`);
		}
		default:
			return json({ status: "error", error: { "": ["Unknown action."] } } as const, { status: 400 });
	}
}

/** The filters a smart list will keep, listed before saving, and carried as hidden fields. */
function SmartFilters({ definition }: { definition: SmartDefinition }) {
	return (
		<div className="smart-filters grid gap-2 rounded-xl border border-line bg-surface p-4 text-sm">
			<p className="font-medium">Saved filters</p>
			<ul className="list-inside list-disc text-muted">
				{describeDefinition(definition).map((line) => (
					<li key={line}>{line}</li>
				))}
			</ul>
			<p className="text-xs text-muted">
				The list is worked out each time you open it, so it always matches{" "}
				<Link to={viewHref(definition)} className="underline">
					this view
				</Link>
				.
			</p>
			{definitionFields(definition).map(([name, value]) => (
				<input key={`${name}=${value}`} type="hidden" name={name} value={value} />
			))}
		</div>
	);
}

export default function NewList() {
	const { smart } = useLoaderData<typeof loader>();
	const lastResult = useActionData<typeof action>();
	const [form, fields] = useForm<ListDetailsInput>({
		id: "create-list",
		lastResult: lastResult && "initialValue" in lastResult ? lastResult : undefined,
		defaultValue: { visibility: "private" },
		constraint: getZodConstraint(ListDetailsSchema),
		shouldValidate: "onSubmit",
		shouldRevalidate: "onInput",
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ListDetailsSchema }),
	});
	const unknownIntent = lastResult && !("initialValue" in lastResult) ? lastResult.error?.[""] : undefined;
	return (
		<section className="mx-auto grid max-w-xl gap-4" aria-labelledby="new-list-title">
			<h1 id="new-list-title" className="text-2xl font-bold">
				{smart ? "New smart list" : "New list"}
			</h1>
			<p className="text-sm text-muted">
				{smart
					? "A smart list is a saved filter: it shows whatever matches when you open it."
					: "A list holds works of any kind, in the order you choose. Add works from their pages with “Add to list…”."}
			</p>
			{smart && !smart.definition ? <FormErrors errors={smart.errors} /> : null}
			<Form
				method="post"
				{...getFormProps(form)}
				className="new-list-form grid gap-4"
				hidden={Boolean(smart && !smart.definition)}
			>
				<FormErrors id={form.errorId} errors={form.errors ?? unknownIntent ?? undefined} />
				<input type="hidden" name="intent" value={smart?.definition ? "create-smart" : "create"} />
				{smart?.definition ? <SmartFilters definition={smart.definition} /> : null}
				<ListDetailsFields fields={fields} />
				<div className="flex items-center gap-4">
					<SubmitButton>{smart?.definition ? "Create smart list" : "Create list"}</SubmitButton>
					<Link to="/lists" className="text-sm underline">
						Cancel
					</Link>
				</div>
			</Form>
		</section>
	);
}
