import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { FormErrors, SubmitButton } from "~/components/forms";
import { ListDetailsFields } from "~/components/lists/ListDetailsFields";
import { type ListDetailsInput, ListDetailsSchema, MAX_LISTS_PER_PERSON } from "~/lib/list-schemas";
import { createStaticList } from "~/models/lists.server";

export const meta: MetaFunction = () => [{ title: "New list · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request);
	return null;
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
		default:
			return json({ status: "error", error: { "": ["Unknown action."] } } as const, { status: 400 });
	}
}

export default function NewList() {
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
				New list
			</h1>
			<p className="text-sm text-muted">
				A list holds works of any kind, in the order you choose. Add works from their pages with “Add to list…”.
			</p>
			<Form method="post" {...getFormProps(form)} className="new-list-form grid gap-4">
				<FormErrors id={form.errorId} errors={form.errors ?? unknownIntent ?? undefined} />
				<input type="hidden" name="intent" value="create" />
				<ListDetailsFields fields={fields} />
				<div className="flex items-center gap-4">
					<SubmitButton>Create list</SubmitButton>
					<Link to="/lists" className="text-sm underline">
						Cancel
					</Link>
				</div>
			</Form>
		</section>
	);
}
