import {
	type FilterSpec,
	filterKeys,
	filterParams,
	naturalSort,
	parseFilterSpec,
	type Scope,
	scopes,
} from "./filter-spec";

/**
 * A smart list's filter_definition: the filter spec of the view it was saved from, as JSON — the same
 * parameter names as the catalog and list URLs, plus the scope it is evaluated in:
 * `{ "scope": "lists", "status": ["completed"], "type": ["book"], "sort": "title", "dir": "asc" }`.
 * Unlike a URL (where junk falls back to defaults), a definition is checked strictly on save, and
 * again on load, since the spec can change after it was stored.
 */
export type SmartDefinition = { scope: Scope } & Record<string, string | string[]>;

const repeatable = new Set(["type", "status"]);
const allowedKeys = new Set<string>(["scope", ...filterKeys, "sort", "dir"]);

/** The definition that saves a spec (its filters, sort and direction; not columns or paging). */
export function definitionOfSpec(spec: FilterSpec): SmartDefinition {
	const definition: SmartDefinition = { scope: spec.scope };
	for (const [key, value] of filterParams(spec)) {
		if (repeatable.has(key)) definition[key] = [...((definition[key] as string[] | undefined) ?? []), value];
		else definition[key] = value;
	}
	if (spec.sort !== naturalSort(spec.scope, spec.q)) definition.sort = spec.sort;
	definition.dir = spec.dir;
	return definition;
}

function paramsOf(definition: Record<string, unknown>): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(definition)) {
		if (key === "scope") continue;
		for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
	}
	return params;
}

export type DefinitionCheck =
	| { ok: true; definition: SmartDefinition; spec: FilterSpec }
	| { ok: false; errors: string[] };

/**
 * Checks a stored or submitted definition: an object with a known scope, known keys, and values that
 * the filter spec accepts as they are (a value the spec would drop or change is an error).
 */
export function checkDefinition(input: unknown): DefinitionCheck {
	if (typeof input !== "object" || input === null || Array.isArray(input))
		return { ok: false, errors: ["The filters must be a JSON object."] };
	const raw = input as Record<string, unknown>;
	const errors: string[] = [];
	const scope = raw.scope;
	if (!(scopes as readonly unknown[]).includes(scope)) errors.push(`“scope” must be one of: ${scopes.join(", ")}.`);
	for (const [key, value] of Object.entries(raw)) {
		if (!allowedKeys.has(key)) {
			errors.push(`“${key}” is not a filter.`);
			continue;
		}
		const scalar = (v: unknown) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
		const shaped = repeatable.has(key)
			? Array.isArray(value) && value.length <= 20 && value.every(scalar)
			: scalar(value);
		if (!shaped) errors.push(`“${key}” must be ${repeatable.has(key) ? "a list of values" : "a single value"}.`);
	}
	if (errors.length > 0) return { ok: false, errors };
	const spec = parseFilterSpec(paramsOf(raw), scope as Scope);
	const definition = definitionOfSpec(spec);
	for (const [key, value] of Object.entries(raw)) {
		if (key === "scope" || key === "dir") continue;
		const kept = definition[key];
		const given = Array.isArray(value) ? value.map(String) : String(value);
		const same = Array.isArray(given)
			? Array.isArray(kept) && [...given].sort().join() === [...kept].sort().join()
			: kept === given ||
				(key === "country" && kept === given.toUpperCase()) ||
				(key === "sort" && spec.sort === given);
		if (!same) errors.push(`“${key}”: ${JSON.stringify(value)} is not a valid value here.`);
	}
	if (raw.dir !== undefined && raw.dir !== spec.dir) errors.push(`“dir” must be asc or desc.`);
	return errors.length > 0 ? { ok: false, errors } : { ok: true, definition, spec };
}

/** The URL of the live view a definition describes (my list or the catalog). */
export function viewHref(definition: SmartDefinition): string {
	const query = paramsOf(definition).toString();
	const path = definition.scope === "lists" ? "/lists" : "/catalog";
	return query ? `${path}?${query}` : path;
}

/** A definition posted as form fields (the filter names) or as one JSON field `definition`. */
export function definitionFromForm(formData: Pick<FormData, "get" | "getAll"> | URLSearchParams): DefinitionCheck {
	const json = formData.get("definition");
	if (typeof json === "string" && json.trim() !== "") {
		if (json.length > 10_000) return { ok: false, errors: ["The filters are too long."] };
		try {
			return checkDefinition(JSON.parse(json));
		} catch {
			return { ok: false, errors: ["The filters are not valid JSON."] };
		}
	}
	const raw: Record<string, string | string[]> = {};
	for (const key of allowedKeys) {
		const values = formData.getAll(key).filter((v): v is string => typeof v === "string" && v !== "");
		if (values.length === 0) continue;
		raw[key] = repeatable.has(key) ? values : values[0];
	}
	return checkDefinition(raw);
}

const filterLabels: Record<string, string> = {
	q: "Search",
	class: "Class",
	type: "Media type",
	status: "Status",
	yearFrom: "Year from",
	yearTo: "Year to",
	country: "Country",
	creator: "Creator",
	franchise: "Franchise",
	ratingMin: "Rating from",
	ratingMax: "Rating to",
	startedFrom: "Started from",
	startedTo: "Started to",
	completedFrom: "Completed from",
	completedTo: "Completed to",
	list: "In my list",
	sort: "Sorted by",
	dir: "Direction",
};

/** A definition as "label: value" lines for people (the filters shown before saving, and on the list). */
export function describeDefinition(definition: SmartDefinition): string[] {
	const lines = [definition.scope === "lists" ? "From: my list" : "From: the catalog"];
	for (const [key, value] of Object.entries(definition)) {
		if (key === "scope") continue;
		lines.push(`${filterLabels[key] ?? key}: ${Array.isArray(value) ? value.join(", ") : value}`);
	}
	return lines;
}

/** The definition as hidden form fields (the filter names), to carry it through a POST. */
export function definitionFields(definition: SmartDefinition): [string, string][] {
	return Object.entries(definition).flatMap(([key, value]) =>
		(Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, item]),
	);
}
