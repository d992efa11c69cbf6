import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { type ChangeEvent, type FormEvent, useRef } from "react";
import { columns } from "~/lib/columns";
import { activeFilterCount, clearedFilters, columnKeys, type FilterSpec, pageSizes, specHref } from "~/lib/filter-spec";
import { mediaTypeLabels } from "~/lib/media-types";
import { mediaTypes } from "../../../db/schema/columns";

/** Hidden inputs carrying the parts of the view a GET form does not edit itself. */
function Keep({ spec, omit }: { spec: FilterSpec; omit: (keyof FilterSpec)[] }) {
	const keep: [string, string][] = [];
	const add = (key: keyof FilterSpec, value: string | number | null) => {
		if (!omit.includes(key) && value !== null && value !== "") keep.push([key, String(value)]);
	};
	add("q", spec.q);
	add("class", spec.class);
	if (!omit.includes("type")) for (const t of spec.type) keep.push(["type", t]);
	if (!omit.includes("status")) for (const s of spec.status) keep.push(["status", s]);
	add("yearFrom", spec.yearFrom);
	add("yearTo", spec.yearTo);
	add("country", spec.country);
	add("creator", spec.creator);
	add("franchise", spec.franchise);
	add("ratingMin", spec.ratingMin);
	add("ratingMax", spec.ratingMax);
	add("list", spec.list);
	if (spec.sort !== (spec.q ? "relevance" : "title")) add("sort", spec.sort);
	add("dir", spec.dir);
	if (!omit.includes("cols")) add("cols", spec.cols.join(","));
	add("size", spec.size);
	return (
		<>
			{keep.map(([name, value]) => (
				<input key={`${name}=${value}`} type="hidden" name={name} value={value} />
			))}
		</>
	);
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

const field = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1 text-sm";

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
						<Keep
							spec={spec}
							omit={["type", "yearFrom", "yearTo", "country", "creator", "franchise", "ratingMin", "ratingMax", "list"]}
						/>
						<fieldset>
							<legend className="text-sm font-medium">Media type</legend>
							<div className="mt-1 grid grid-cols-2 gap-x-3 text-sm">
								{mediaTypes.map((type) => (
									<label key={type} className="flex items-center gap-2">
										<input type="checkbox" name="type" value={type} defaultChecked={spec.type.includes(type)} />
										{mediaTypeLabels[type]}
									</label>
								))}
							</div>
						</fieldset>
						<div className="grid grid-cols-2 gap-2">
							<label className="text-sm">
								Year from
								<input
									type="number"
									name="yearFrom"
									min={1000}
									max={2100}
									defaultValue={spec.yearFrom ?? ""}
									className={field}
								/>
							</label>
							<label className="text-sm">
								Year to
								<input
									type="number"
									name="yearTo"
									min={1000}
									max={2100}
									defaultValue={spec.yearTo ?? ""}
									className={field}
								/>
							</label>
						</div>
						<label className="text-sm">
							Creator
							<input
								type="text"
								name="creator"
								defaultValue={spec.creator ?? ""}
								placeholder="Exact name, e.g. Hayao Miyazaki"
								className={field}
							/>
						</label>
						<div className="grid grid-cols-2 gap-2">
							<label className="text-sm">
								Country
								<input
									type="text"
									name="country"
									maxLength={2}
									defaultValue={spec.country ?? ""}
									placeholder="JP"
									className={field}
								/>
							</label>
							<label className="text-sm">
								Franchise
								<select name="franchise" defaultValue={spec.franchise ?? ""} className={field}>
									<option value="">Any</option>
									{franchises.map((f) => (
										<option key={f.path} value={f.path}>
											{f.label}
										</option>
									))}
								</select>
							</label>
						</div>
						<div className="grid grid-cols-2 gap-2">
							<label className="text-sm">
								Community rating from
								<input
									type="number"
									name="ratingMin"
									min={0}
									max={100}
									defaultValue={spec.ratingMin ?? ""}
									className={field}
								/>
							</label>
							<label className="text-sm">
								to
								<input
									type="number"
									name="ratingMax"
									min={0}
									max={100}
									defaultValue={spec.ratingMax ?? ""}
									className={field}
								/>
							</label>
						</div>
						{signedIn ? (
							<fieldset className="text-sm">
								<legend className="font-medium">My list</legend>
								<label className="mr-3">
									<input type="radio" name="list" value="" defaultChecked={spec.list === null} /> Any
								</label>
								<label className="mr-3">
									<input type="radio" name="list" value="in" defaultChecked={spec.list === "in"} /> In my list
								</label>
								<label>
									<input type="radio" name="list" value="out" defaultChecked={spec.list === "out"} /> Not in my list
								</label>
							</fieldset>
						) : null}
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
							{columnKeys.map((key) => (
								<label key={key} className="flex items-center gap-2">
									<input
										type="checkbox"
										name="col"
										value={key}
										defaultChecked={spec.cols.includes(key)}
										disabled={key === "title"}
									/>
									{columns[key].label}
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
						{signedIn ? <SaveViewForm spec={spec} /> : null}
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
						Search the catalog
					</label>
					<input
						id="searchBox"
						type="search"
						name="q"
						defaultValue={spec.q ?? ""}
						placeholder="Search titles and creators"
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
