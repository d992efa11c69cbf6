import { getInputProps, getSelectProps, getTextareaProps, type useForm } from "@conform-to/react";
import { Field, inputClass } from "~/components/forms";
import { type ListDetailsInput, listVisibilities, visibilityLabels } from "~/lib/list-schemas";

type Fields = ReturnType<typeof useForm<ListDetailsInput>>[1];

/** Name, description and visibility of a list: the create form and the edit form share them. */
export function ListDetailsFields({ fields }: { fields: Fields }) {
	const { name, description, visibility } = fields;
	return (
		<>
			<Field label="Name" htmlFor={name.id} errorId={name.errorId} errors={name.errors}>
				<input {...getInputProps(name, { type: "text" })} className={inputClass} />
			</Field>
			<Field
				label="Description"
				htmlFor={description.id}
				errorId={description.errorId}
				errors={description.errors}
				hint="Optional."
			>
				<textarea {...getTextareaProps(description)} rows={3} className={inputClass} />
			</Field>
			<Field label="Visibility" htmlFor={visibility.id} errorId={visibility.errorId} errors={visibility.errors}>
				<select {...getSelectProps(visibility)} className={inputClass}>
					{listVisibilities.map((value) => (
						<option key={value} value={value}>
							{visibilityLabels[value]}
						</option>
					))}
				</select>
			</Field>
		</>
	);
}
