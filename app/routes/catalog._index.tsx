import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { getUser } from "~/auth/session.server";
import { CatalogTable } from "~/components/catalog/CatalogTable";
import { ControlsBar } from "~/components/catalog/ControlsBar";
import { MediaTypeSidebar } from "~/components/catalog/MediaTypeSidebar";
import { Pager } from "~/components/catalog/Pager";
import { canonicalColumnsHref, parseFilterSpec } from "~/lib/filter-spec";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getClassTree, listCatalog, listFranchiseRoots } from "~/models/catalog.server";
import { listStaticListChoices } from "~/models/lists.server";
import { addEntry } from "~/models/tracking.server";
import { saveDefaultView } from "~/models/users.server";
import { entryStatuses } from "../../db/schema/columns";

export const meta: MetaFunction = () => [{ title: "Catalog · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	const url = new URL(request.url);
	const canonical = canonicalColumnsHref(url);
	if (canonical) throw redirect(canonical);
	const user = await getUser(request);
	// A signed-in person's saved view fills in what the URL leaves out (the URL always wins).
	const params = new URLSearchParams(url.searchParams);
	if (user?.defaultColumns?.length && !params.has("cols")) params.set("cols", user.defaultColumns.join(","));
	if (user?.defaultSort && !params.has("sort") && !params.has("q")) {
		const [sort, dir] = user.defaultSort.split(":");
		params.set("sort", sort);
		if (dir && !params.has("dir")) params.set("dir", dir);
	}
	const spec = parseFilterSpec(params);
	const [page, classTree, franchises, myLists] = await Promise.all([
		listCatalog({ spec, userId: user?.id ?? null }),
		getClassTree(),
		listFranchiseRoots(),
		user ? listStaticListChoices({ userId: user.id }) : null,
	]);
	return { spec, page, classTree, franchises, myLists, signedIn: Boolean(user) };
}

const AddForm = z.object({
	intent: z.literal("add"),
	mediaId: z.uuid(),
	status: z.enum(entryStatuses),
	returnTo: z.string().max(2048).optional(),
});
const SaveViewForm = z.object({
	intent: z.literal("save-view"),
	cols: z.string().max(200),
	sort: z.string().max(20).optional(),
	dir: z.string().max(4).optional(),
	returnTo: z.string().max(2048).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
	const form = Object.fromEntries(await request.formData());
	// The catalog's forms post to the page's own address (Remix has dropped `?index` by now), so by default
	// the answer is that same page with its filters.
	const returnTo = safeRedirectPath(form.returnTo, `/catalog${new URL(request.url).search}`);
	const user = await getUser(request);
	if (!user) throw redirect(`/login?${new URLSearchParams({ redirectTo: returnTo })}`);
	if (form.intent === "add") {
		const parsed = AddForm.safeParse(form);
		if (!parsed.success) return Response.json({ error: "Choose a work and a status." }, { status: 400 });
		const result = await addEntry({ userId: user.id, mediaId: parsed.data.mediaId, status: parsed.data.status });
		if (result === "no-such-work") throw new Response("Not found", { status: 404 });
		return redirect(returnTo);
	}
	if (form.intent === "save-view") {
		const parsed = SaveViewForm.safeParse(form);
		if (!parsed.success) return Response.json({ error: "Nothing to save." }, { status: 400 });
		const spec = parseFilterSpec(
			new URLSearchParams({ cols: parsed.data.cols, sort: parsed.data.sort ?? "", dir: parsed.data.dir ?? "" }),
		);
		await saveDefaultView({ userId: user.id, columns: spec.cols, sort: `${spec.sort}:${spec.dir}` });
		return redirect(returnTo);
	}
	return Response.json({ error: "Unknown action." }, { status: 400 });
}

export default function Catalog() {
	const { spec, page, classTree, franchises, myLists, signedIn } = useLoaderData<typeof loader>();
	const location = useLocation();
	const pathname = location.pathname;
	const classLabels = Object.fromEntries(classTree.map((n) => [n.path, n.label]));
	return (
		<div className="grid gap-6 md:grid-cols-[14rem_1fr]">
			<MediaTypeSidebar nodes={classTree} spec={spec} pathname={pathname} />
			<section aria-labelledby="catalog-title" className="grid min-w-0 content-start gap-4">
				<div className="flex flex-wrap items-baseline justify-between gap-2">
					<h1 id="catalog-title" className="text-2xl font-bold">
						{spec.class ? (classLabels[spec.class] ?? "Catalog") : "Catalog"}
					</h1>
					<p className="result-count text-sm text-muted">
						{page.totalCapped ? `${page.total.toLocaleString("en")}+` : page.total.toLocaleString("en")}{" "}
						{page.total === 1 ? "work" : "works"}
					</p>
				</div>
				<ControlsBar spec={spec} pathname={pathname} franchises={franchises} signedIn={signedIn} />
				{page.correctedQuery ? (
					<p className="search-correction text-sm">
						Showing results for <strong>{page.correctedQuery}</strong>
					</p>
				) : null}
				{page.rows.length === 0 ? (
					<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
						No works match these filters.
					</p>
				) : (
					<CatalogTable
						rows={page.rows}
						spec={spec}
						pathname={pathname}
						classLabels={classLabels}
						signedIn={signedIn}
						myLists={myLists}
					/>
				)}
				<Pager spec={spec} pathname={pathname} nextCursor={page.nextCursor} nextPage={page.nextPage} />
			</section>
		</div>
	);
}
