import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { z } from "zod";
import { getUser, requireUser } from "~/auth/session.server";
import { FormErrors, SubmitButton } from "~/components/forms";
import { ListDetailsFields } from "~/components/lists/ListDetailsFields";
import { ListItemsTable } from "~/components/lists/ListItemsTable";
import { ShareLink } from "~/components/lists/ShareLink";
import { SmartListView } from "~/components/lists/SmartListView";
import { type ListDetailsInput, ListDetailsSchema, MAX_ITEMS_PER_LIST, visibilityLabels } from "~/lib/list-schemas";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { definitionFromForm } from "~/lib/smart-definition";
import { listFranchiseRoots } from "~/models/catalog.server";
import {
	addListItem,
	deleteList,
	getListForOwner,
	getSharedList,
	type ListKind,
	listStaticItems,
	moveListItem,
	removeListItem,
	renameList,
	updateSmartDefinition,
} from "~/models/lists.server";
import { evaluateSmartList } from "~/models/smart-lists.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.list.name} · OmniMediaTrak` : "Not found · OmniMediaTrak" },
];

const ListId = z.uuid();
// Usernames are 3–32 letters, digits or underscores; anything else cannot name an owner.
const SharedBy = z.string().regex(/^[A-Za-z0-9_]{3,32}$/);

const MediaId = z.uuid("Choose a work.");
const AddItemForm = z.object({ mediaId: MediaId, returnTo: z.string().max(2048).optional() });
const RemoveItemForm = z.object({ mediaId: MediaId });
const MoveForm = z.object({
	mediaId: MediaId,
	position: z
		.number({ error: "Give the new position as a number." })
		.int("Give the new position as a whole number.")
		.min(1, "Positions start at 1.")
		.max(MAX_ITEMS_PER_LIST, `A list holds at most ${MAX_ITEMS_PER_LIST.toLocaleString("en")} works.`),
});

const notFound = () => new Response("Not found", { status: 404 });

/** What a list shows: the one place where each kind of list is evaluated. */
async function contentsOf(list: { id: string; kind: ListKind }, ownerId: string, owner: boolean) {
	if (list.kind === "smart") {
		const [smart, franchises] = await Promise.all([
			evaluateSmartList({ ownerId, listId: list.id }),
			owner ? listFranchiseRoots() : Promise.resolve([] as { path: string; label: string }[]),
		]);
		return { items: [], smart, franchises };
	}
	const items = await listStaticItems({ userId: ownerId, listId: list.id });
	return { items, smart: null, franchises: [] as { path: string; label: string }[] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const listId = ListId.safeParse(params.listId);
	if (!listId.success) throw notFound();
	const url = new URL(request.url);
	const by = url.searchParams.get("by");
	const user = await getUser(request);
	if (user && (by === null || by.toLowerCase() === user.username.toLowerCase())) {
		const list = await getListForOwner({ userId: user.id, listId: listId.data });
		if (!list) throw notFound();
		const shareUrl = `${url.origin}/lists/${list.id}?${new URLSearchParams({ by: user.username })}`;
		return { view: "owner" as const, list, ...(await contentsOf(list, user.id, true)), shareUrl, ownerName: null };
	}
	if (by === null) {
		await requireUser(request);
		throw notFound();
	}
	const username = SharedBy.safeParse(by);
	if (!username.success) throw notFound();
	const shared = await getSharedList({ listId: listId.data, username: username.data });
	if (!shared) throw notFound();
	const { ownerId, ownerName, ...list } = shared;
	return { view: "shared" as const, list, ...(await contentsOf(list, ownerId, false)), shareUrl: null, ownerName };
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request);
	const parsedId = ListId.safeParse(params.listId);
	if (!parsedId.success) throw notFound();
	const listId = parsedId.data;
	// Not the person's list: 404 whatever the intent or input, so nothing about it is revealed.
	const list = await getListForOwner({ userId: user.id, listId });
	if (!list) throw notFound();
	const scope = { userId: user.id, listId };
	const here = `/lists/${listId}`;
	const formData = await request.formData();
	switch (formData.get("intent")) {
		case "rename": {
			const submission = parseWithZod(formData, { schema: ListDetailsSchema });
			if (submission.status !== "success") return json(submission.reply(), { status: 400 });
			if (!(await renameList({ ...scope, ...submission.value }))) throw notFound();
			return redirect(here);
		}
		case "delete": {
			if (!(await deleteList(scope))) throw notFound();
			return redirect("/lists");
		}
		case "add-item": {
			const submission = parseWithZod(formData, { schema: AddItemForm });
			if (submission.status !== "success") return json(submission.reply(), { status: 400 });
			const result = await addListItem({ ...scope, mediaId: submission.value.mediaId });
			if (result === "no-such-list") throw notFound();
			if (result === "no-such-work") {
				return json(submission.reply({ fieldErrors: { mediaId: ["There is no such work."] } }), { status: 400 });
			}
			if (result === "not-static") {
				return json(submission.reply({ formErrors: ["A smart list's works come from its filter."] }), {
					status: 400,
				});
			}
			if (result === "list-full") {
				const message = `This list already holds ${MAX_ITEMS_PER_LIST.toLocaleString("en")} works, the most a list can hold.`;
				return json(submission.reply({ formErrors: [message] }), { status: 400 });
			}
			return redirect(safeRedirectPath(submission.value.returnTo, here));
		}
		case "remove-item": {
			const submission = parseWithZod(formData, { schema: RemoveItemForm });
			if (submission.status !== "success") return json(submission.reply(), { status: 400 });
			if (!(await removeListItem({ ...scope, mediaId: submission.value.mediaId }))) throw notFound();
			return redirect(here);
		}
		case "move": {
			const submission = parseWithZod(formData, { schema: MoveForm });
			if (submission.status !== "success") return json(submission.reply(), { status: 400 });
			if (!(await moveListItem({ ...scope, ...submission.value }))) throw notFound();
			return redirect(here);
		}
		case "update-filters": {
			if (list.kind !== "smart") return json({ smartErrors: ["Only a smart list has filters."] }, { status: 400 });
			const definition = definitionFromForm(formData);
			if (!definition.ok) return json({ smartErrors: definition.errors }, { status: 400 });
			if (!(await updateSmartDefinition({ ...scope, definition: definition.definition }))) throw notFound();
			return redirect(here);
		}
		default:
			return json({ status: "error", error: { "": ["Unknown action."] } } as const, { status: 400 });
	}
}

function EditDetails({ list }: { list: { name: string; description: string | null; visibility: string } }) {
	const lastResult = useActionData<typeof action>();
	const renameResult =
		lastResult && "initialValue" in lastResult && lastResult.initialValue?.intent === "rename" ? lastResult : undefined;
	const [form, fields] = useForm<ListDetailsInput>({
		id: "edit-list",
		lastResult: renameResult,
		defaultValue: { name: list.name, description: list.description ?? "", visibility: list.visibility },
		constraint: getZodConstraint(ListDetailsSchema),
		shouldValidate: "onSubmit",
		shouldRevalidate: "onInput",
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ListDetailsSchema }),
	});
	return (
		<details className="edit-list rounded-xl border border-line bg-surface p-5" open={Boolean(renameResult)}>
			<summary className="cursor-pointer font-semibold">Edit details</summary>
			<Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4">
				<input type="hidden" name="intent" value="rename" />
				<FormErrors id={form.errorId} errors={form.errors} />
				<ListDetailsFields fields={fields} />
				<div>
					<SubmitButton>Save</SubmitButton>
				</div>
			</Form>
			<Form
				method="post"
				className="mt-6 border-t border-line pt-4"
				onSubmit={(event) => {
					if (!window.confirm(`Delete “${list.name}”? Its works stay in the catalog.`)) event.preventDefault();
				}}
			>
				<input type="hidden" name="intent" value="delete" />
				<button
					type="submit"
					className="rounded-md border border-warn px-3 py-1.5 text-sm text-warn hover:bg-surface-2"
				>
					Delete list
				</button>
			</Form>
		</details>
	);
}

/** Messages of a rejected item change (those forms have only hidden fields, so they are shown together). */
function useItemErrors(): string[] | undefined {
	const lastResult = useActionData<typeof action>();
	if (!lastResult || !("status" in lastResult) || lastResult.status !== "error") return undefined;
	if ("initialValue" in lastResult && lastResult.initialValue?.intent === "rename") return undefined;
	const messages = Object.values(lastResult.error ?? {}).flatMap((list) => list ?? []);
	return messages.length > 0 ? messages : undefined;
}

export default function ListPage() {
	const { view, list, items, smart, franchises, shareUrl, ownerName } = useLoaderData<typeof loader>();
	const reply = useActionData<typeof action>();
	const smartErrors = reply && "smartErrors" in reply ? reply.smartErrors : undefined;
	const owner = view === "owner";
	const itemErrors = useItemErrors();
	return (
		<article className="list-page grid gap-6" aria-labelledby="list-title" data-view={view}>
			<header>
				<p className="text-sm text-muted">
					{owner ? (
						<Link to="/lists" className="hover:underline">
							Lists
						</Link>
					) : (
						<>A list by {ownerName}</>
					)}{" "}
					· <span className="list-visibility">{visibilityLabels[list.visibility]}</span>
				</p>
				<h1 id="list-title" className="mt-1 text-3xl font-bold">
					{list.name}
				</h1>
				{list.description ? <p className="list-description mt-2 whitespace-pre-line">{list.description}</p> : null}
				{smart ? null : (
					<p className="list-count mt-2 text-sm text-muted">
						{items.length} {items.length === 1 ? "work" : "works"}
					</p>
				)}
			</header>
			{owner && shareUrl ? <ShareLink visibility={list.visibility} shareUrl={shareUrl} /> : null}
			<FormErrors errors={itemErrors} />
			{smart ? (
				<SmartListView result={smart} owner={owner} franchises={franchises} errors={smartErrors} />
			) : items.length === 0 ? (
				<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
					{owner ? (
						<>
							No works yet. Open a work in the{" "}
							<Link to="/catalog" className="underline">
								catalog
							</Link>{" "}
							and choose “Add to list…”.
						</>
					) : (
						"This list is empty."
					)}
				</p>
			) : (
				<ListItemsTable items={items} editable={owner} />
			)}
			{owner ? <EditDetails key={list.updatedAt} list={list} /> : null}
		</article>
	);
}

export function ErrorBoundary() {
	const error = useRouteError();
	const notFound = isRouteErrorResponse(error) && error.status === 404;
	return (
		<section className="mx-auto max-w-xl py-16 text-center" aria-labelledby="missing-title">
			<h1 id="missing-title" className="text-2xl font-bold">
				{notFound ? "No such list" : "Something went wrong"}
			</h1>
			<p className="mt-3 text-muted">
				{notFound ? "There is no list at this address, or it is not shared." : "Please try again."}
			</p>
			<Link to="/lists" className="mt-6 inline-block underline">
				Back to lists
			</Link>
		</section>
	);
}
