import { statusLabels } from "~/lib/columns";
import type { FilterSpec } from "~/lib/filter-spec";
import { mediaTypeLabels } from "~/lib/media-types";
import { entryStatuses, mediaTypes } from "../../../db/schema/columns";

export const fieldClass = "mt-1 block w-full rounded-md border border-line bg-surface px-2 py-1 text-sm";

type RangeKey = "yearFrom" | "ratingMin" | "startedFrom" | "completedFrom";
const rangeEnd: Record<RangeKey, "yearTo" | "ratingMax" | "startedTo" | "completedTo"> = {
	yearFrom: "yearTo",
	ratingMin: "ratingMax",
	startedFrom: "startedTo",
	completedFrom: "completedTo",
};

/** A from/to pair of inputs for one range of the spec. */
function Range({
	spec,
	from,
	label,
	input,
}: {
	spec: FilterSpec;
	from: RangeKey;
	label: string;
	input: { type: "number" | "date"; min?: number; max?: number };
}) {
	const to = rangeEnd[from];
	return (
		<div className="grid grid-cols-2 gap-2">
			<label className="text-sm">
				{label} from
				<input {...input} name={from} defaultValue={spec[from] ?? ""} className={fieldClass} />
			</label>
			<label className="text-sm">
				{label} to
				<input {...input} name={to} defaultValue={spec[to] ?? ""} className={fieldClass} />
			</label>
		</div>
	);
}

function Checkboxes<T extends string>({
	legend,
	name,
	values,
	labels,
	checked,
}: {
	legend: string;
	name: string;
	values: readonly T[];
	labels: Record<T, string>;
	checked: T[];
}) {
	return (
		<fieldset>
			<legend className="text-sm font-medium">{legend}</legend>
			<div className="mt-1 grid grid-cols-2 gap-x-3 text-sm">
				{values.map((value) => (
					<label key={value} className="flex items-center gap-2">
						<input type="checkbox" name={name} value={value} defaultChecked={checked.includes(value)} />
						{labels[value]}
					</label>
				))}
			</div>
		</fieldset>
	);
}

/** My reviews filter on the work's type, the review's rating and whether it has spoilers. */
function ReviewFilterFields({ spec }: { spec: FilterSpec }) {
	const spoiler = spec.spoiler ?? null;
	return (
		<>
			<Checkboxes legend="Media type" name="type" values={mediaTypes} labels={mediaTypeLabels} checked={spec.type} />
			<Range spec={spec} from="ratingMin" label="My rating (0–100)" input={{ type: "number", min: 0, max: 100 }} />
			<fieldset className="text-sm">
				<legend className="font-medium">Spoilers</legend>
				<label className="mr-3">
					<input type="radio" name="spoiler" value="" defaultChecked={spoiler === null} /> Any
				</label>
				<label className="mr-3">
					<input type="radio" name="spoiler" value="yes" defaultChecked={spoiler === "yes"} /> Has spoilers
				</label>
				<label>
					<input type="radio" name="spoiler" value="no" defaultChecked={spoiler === "no"} /> No spoilers
				</label>
			</fieldset>
		</>
	);
}

/**
 * The fields of the filter menu. My list filters on the person's own status, rating and dates; the
 * catalog on the community rating and on whether a work is in the person's list.
 */
export function FilterFields({
	spec,
	franchises,
	signedIn,
}: {
	spec: FilterSpec;
	franchises: { path: string; label: string }[];
	signedIn: boolean;
}) {
	const mine = spec.scope === "lists";
	if (spec.scope === "reviews") return <ReviewFilterFields spec={spec} />;
	return (
		<>
			{mine ? (
				<Checkboxes legend="Status" name="status" values={entryStatuses} labels={statusLabels} checked={spec.status} />
			) : null}
			<Checkboxes legend="Media type" name="type" values={mediaTypes} labels={mediaTypeLabels} checked={spec.type} />
			<Range spec={spec} from="yearFrom" label="Year" input={{ type: "number", min: 1000, max: 2100 }} />
			<label className="text-sm">
				Creator
				<input
					type="text"
					name="creator"
					defaultValue={spec.creator ?? ""}
					placeholder="Exact name, e.g. Hayao Miyazaki"
					className={fieldClass}
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
						className={fieldClass}
					/>
				</label>
				<label className="text-sm">
					Franchise
					<select name="franchise" defaultValue={spec.franchise ?? ""} className={fieldClass}>
						<option value="">Any</option>
						{franchises.map((f) => (
							<option key={f.path} value={f.path}>
								{f.label}
							</option>
						))}
					</select>
				</label>
			</div>
			<Range
				spec={spec}
				from="ratingMin"
				label={mine ? "My rating (0–100)" : "Community rating"}
				input={{ type: "number", min: 0, max: 100 }}
			/>
			{mine ? (
				<>
					<Range spec={spec} from="startedFrom" label="Started" input={{ type: "date" }} />
					<Range spec={spec} from="completedFrom" label="Completed" input={{ type: "date" }} />
				</>
			) : null}
			{signedIn && !mine ? (
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
		</>
	);
}
