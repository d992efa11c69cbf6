import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { type ChangeEvent, type FormEvent, useRef } from "react";
import { columnLabel } from "~/lib/columns";
import {
	activeFilterCount,
	clearedFilters,
	type FilterSpec,
	filterKeys,
	filterParams,
	naturalSort,
	pageSizes,
	scopeConfig,
	specHref,
} from "~/lib/filter-spec";
import { FilterFields, fieldClass } from "./FilterFields";

/** Hidden inputs carrying the parts of the view a GET form does not edit itself. */
function Keep({ spec, omit }: { spec: FilterSpec; omit: (keyof FilterSpec)[] }) {
	const keep = filterParams(spec).filter(([name]) => !omit.includes(name as keyof FilterSpec));
	if (spec.sort !== naturalSort(spec.scope, spec.q)) keep.push(["sort", spec.sort]);
	keep.push(["dir", spec.dir]);
	if (!omit.includes("cols")) keep.push(["cols", spec.cols.join(",")]);
	if (!omit.includes("size")) keep.push(["size", String(spec.size)]);
	return (
		<>
			{keep.map(([name, value]) => (
				<input key={`${name}=${value}`} type="hidden" name={name} value={value} />
			))}
		</>
	);
}

/** A smart list is made from the filters on screen: /lists/new shows them and asks for a name. */
function smartListHref(spec: FilterSpec): string {
	const params = new URLSearchParams([["kind", "smart"], ["scope", spec.scope], ...filterParams(spec)]);
	if (spec.sort !== naturalSort(spec.scope, spec.q)) params.set("sort", spec.sort);
	params.set("dir", spec.dir);
	return `/lists/new?${params}`;
}

/**
 * With JavaScript, a changed filter applies at once (text fields after a pause); without it, the Apply
 * button does. Submitting the form (Enter, Apply) cancels the pending automatic submit, so one change
 * sends one request.
 */
function useAutoSubmit() {
	const submit = useSubmit();
	const timer = useRef<ReturnType<typeof setTimeout>>();
	const onChange = (event: ChangeEvent<HTMLFormElement> | FormEvent<HTMLFormElement>) => {
		const form = event.currentTarget;
		const target = event.target as HTMLInputElement;
		clearTimeout(timer.current);
		const delay = target.type === "text" || target.type === "search" || target.type === "number" ? 350 : 0;
		timer.current = setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), delay);
	};
	const onSubmit = () => clearTimeout(timer.current);
	return { onChange, onSubmit };
}

/** Stores the shown columns and sort as the person's default view (users.preferences). */
function SaveViewForm({ spec }: { spec: FilterSpec }) {
	const location = useLocation();
	return (
		<Form method="post" action="/catalog?index" className="save-view mt-2">
			<input type="hidden" name="intent" value="save-view" />
			<input type="hidden" name="cols" value={spec.cols.join(",")} />
			<input type="hidden" name="sort" value={spec.sort === "relevance" ? "title" : spec.sort} />
			<input type="hidden" name="dir" value={spec.dir} />
			<input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
			<button type="submit" className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm hover:bg-surface-2">
				Save as default view
			</button>
		</Form>
	);
}

const field = fieldClass;

const searchLabels = { catalog: "Search the catalog", lists: "Search my list", reviews: "Search my reviews" } as const;

export function ControlsBar({
	spec,
	pathname,
	franchises,
	signedIn,
}: {
	spec: FilterSpec;
	pathname: string;
	franchises: { path: string; label: string }[];
	signedIn: boolean;
}) {
	const autoSubmit = useAutoSubmit();
	const active = activeFilterCount(spec);
	return (
		<div className="controls-bar flex flex-wrap items-start gap-3 rounded-xl border border-line bg-surface p-3">
			<div className="control-group">
				<details className="filter-dropdown relative">
					<summary className="cursor-pointer rounded-md border border-line px-3 py-1.5 text-sm">Filters</summary>
					<Form
						method="get"
						action={pathname}
						onChange={autoSubmit.onChange}
						onSubmit={autoSubmit.onSubmit}
						className="filter-menu absolute z-10 mt-2 grid w-80 gap-3 rounded-xl border border-line bg-surface p-4 shadow-lg"
					>
						<Keep spec={spec} omit={filterKeys.filter((key) => key !== "q" && key !== "class")} />
						<FilterFields spec={spec} franchises={franchises} signedIn={signedIn} />
						<button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent">
							Apply
						</button>
					</Form>
				</details>
			</div>
			<div className="control-group flex items-center gap-2">
				<span className="filter-status rounded-full bg-surface-2 px-2.5 py-1 text-sm" aria-live="polite">
					{active === 0 ? "No filters" : `${active} filter${active === 1 ? "" : "s"}`}
				</span>
				{active > 0 ? (
					<Link to={specHref(pathname, clearedFilters(spec))} className="link-button text-sm underline">
						Clear filter
					</Link>
				) : null}
				{signedIn && active > 0 && spec.scope !== "reviews" ? (
					<Link to={smartListHref(spec)} className="save-smart-list text-sm underline">
						Save as smart list
					</Link>
				) : null}
			</div>
			<div className="control-group">
				<details className="columns-dropdown relative">
					<summary className="cursor-pointer rounded-md border border-line px-3 py-1.5 text-sm">Columns</summary>
					<div className="absolute z-10 mt-2 w-60 rounded-xl border border-line bg-surface p-4 text-sm shadow-lg">
						<Form
							method="get"
							action={pathname}
							onChange={autoSubmit.onChange}
							onSubmit={autoSubmit.onSubmit}
							className="grid gap-1"
						>
							<Keep spec={spec} omit={["cols", "size"]} />
							{scopeConfig[spec.scope].columns.map((key) => (
								<label key={key} className="flex items-center gap-2">
									<input
										type="checkbox"
										name="col"
										value={key}
										defaultChecked={spec.cols.includes(key)}
										disabled={key === "title"}
									/>
									{columnLabel(key, spec.scope)}
								</label>
							))}
							<input type="hidden" name="col" value="title" />
							<label className="mt-2">
								Rows per page
								<select name="size" defaultValue={String(spec.size)} className={field}>
									{pageSizes.map((size) => (
										<option key={size} value={size}>
											{size}
										</option>
									))}
								</select>
							</label>
							<button type="submit" className="mt-2 rounded-md bg-accent px-3 py-1.5 font-medium text-on-accent">
								Apply
							</button>
						</Form>
						{signedIn && spec.scope === "catalog" ? <SaveViewForm spec={spec} /> : null}
					</div>
				</details>
			</div>
			<div className="control-group ml-auto">
				<Form
					method="get"
					action={pathname}
					role="search"
					onChange={autoSubmit.onChange}
					onSubmit={autoSubmit.onSubmit}
					className="flex gap-2"
				>
					<Keep spec={spec} omit={["q"]} />
					<label htmlFor="searchBox" className="sr-only">
						{searchLabels[spec.scope]}
					</label>
					<input
						id="searchBox"
						type="search"
						name="q"
						defaultValue={spec.q ?? ""}
						placeholder={spec.scope === "catalog" ? "Search titles and creators" : searchLabels[spec.scope]}
						maxLength={200}
						className="w-64 rounded-md border border-line bg-surface px-3 py-1.5 text-sm"
					/>
					<button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm">
						Search
					</button>
				</Form>
			</div>
		</div>
	);
}
