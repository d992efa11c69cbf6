import type { ReactNode } from "react";
import { formatMinutes, statusLabels } from "~/lib/columns";
import { mediaTypeLabels } from "~/lib/media-types";
import type { RatingScale } from "~/lib/rating";
import { formatMean, monthLabels, type RatingBucket, type StatusStats, type Totals, type TypeStats } from "~/lib/stats";
import { entryStatuses } from "../../../db/schema/columns";

const cell = "px-3 py-1.5 text-right tabular-nums";
const head = "px-3 py-1.5 font-medium";

function Table({
	className,
	caption,
	header,
	children,
}: {
	className: string;
	caption: string;
	header: ReactNode;
	children: ReactNode;
}) {
	return (
		<div className="overflow-x-auto">
			<table className={`${className} w-full text-left text-sm`}>
				<caption className="sr-only">{caption}</caption>
				<thead className="border-b border-line text-muted">
					<tr>{header}</tr>
				</thead>
				<tbody>{children}</tbody>
			</table>
		</div>
	);
}

/** The headline figures as a description list. */
export function StatsSummary({ totals, mean, scale }: { totals: Totals; mean: number | null; scale: RatingScale }) {
	const items = [
		{ key: "entries", term: "Entries", value: String(totals.entries) },
		{ key: "completed", term: "Completed", value: String(totals.completed) },
		{ key: "spent", term: "Time spent", value: formatMinutes(totals.minutesSpent) },
		{ key: "planned", term: "Time planned", value: formatMinutes(totals.minutesPlanned) },
		{ key: "mean", term: "Mean rating", value: formatMean(mean, scale) },
	];
	return (
		<dl className="stats-summary grid grid-cols-2 gap-3 sm:grid-cols-5">
			{items.map((item) => (
				<div key={item.key} data-key={item.key} className="rounded-xl border border-line bg-surface p-3">
					<dt className="text-xs text-muted">{item.term}</dt>
					<dd className="text-xl font-semibold tabular-nums">{item.value}</dd>
				</div>
			))}
		</dl>
	);
}

export function TypeTable({ byType }: { byType: TypeStats[] }) {
	return (
		<Table
			className="stats-types"
			caption="Entries and time per media type"
			header={
				<>
					<th scope="col" className={head}>
						Type
					</th>
					{entryStatuses.map((status) => (
						<th key={status} scope="col" className={`${head} text-right`}>
							{statusLabels[status]}
						</th>
					))}
					<th scope="col" className={`${head} text-right`}>
						Entries
					</th>
					<th scope="col" className={`${head} text-right`}>
						Time spent
					</th>
					<th scope="col" className={`${head} text-right`}>
						Time planned
					</th>
				</>
			}
		>
			{byType.map((type) => (
				<tr key={type.mediaType} data-key={type.mediaType} className="border-b border-line last:border-0">
					<th scope="row" className="px-3 py-1.5 font-medium">
						{mediaTypeLabels[type.mediaType]}
					</th>
					{entryStatuses.map((status) => (
						<td key={status} className={cell} data-status={status}>
							{type.byStatus[status]}
						</td>
					))}
					<td className={`${cell} entries font-medium`}>{type.entries}</td>
					<td className={`${cell} spent`}>{formatMinutes(type.minutesSpent)}</td>
					<td className={`${cell} planned`}>{formatMinutes(type.minutesPlanned)}</td>
				</tr>
			))}
		</Table>
	);
}

export function StatusTable({ byStatus }: { byStatus: StatusStats[] }) {
	return (
		<Table
			className="stats-statuses"
			caption="Entries and time per status"
			header={
				<>
					<th scope="col" className={head}>
						Status
					</th>
					<th scope="col" className={`${head} text-right`}>
						Entries
					</th>
					<th scope="col" className={`${head} text-right`}>
						Estimated length
					</th>
					<th scope="col" className={`${head} text-right`}>
						Time spent
					</th>
				</>
			}
		>
			{byStatus.map((row) => (
				<tr key={row.status} data-key={row.status} className="border-b border-line last:border-0">
					<th scope="row" className="px-3 py-1.5 font-medium">
						{statusLabels[row.status]}
					</th>
					<td className={`${cell} entries`}>{row.entries}</td>
					<td className={`${cell} length`}>{formatMinutes(row.minutes)}</td>
					<td className={`${cell} spent`}>{formatMinutes(row.minutesSpent)}</td>
				</tr>
			))}
		</Table>
	);
}

export function MonthTable({ months }: { months: { month: string; completed: number; minutes: number }[] }) {
	return (
		<Table
			className="stats-months"
			caption="Completions per month, last 12 months"
			header={
				<>
					<th scope="col" className={head}>
						Month
					</th>
					<th scope="col" className={`${head} text-right`}>
						Completed
					</th>
					<th scope="col" className={`${head} text-right`}>
						Time
					</th>
				</>
			}
		>
			{months.map((row) => (
				<tr key={row.month} data-key={row.month} className="border-b border-line last:border-0">
					<th scope="row" className="px-3 py-1.5 font-medium">
						{monthLabels(row.month).long}
					</th>
					<td className={`${cell} completed`}>{row.completed}</td>
					<td className={`${cell} time`}>{row.completed ? formatMinutes(row.minutes) : "—"}</td>
				</tr>
			))}
		</Table>
	);
}

export function RatingTable({ buckets, scale }: { buckets: RatingBucket[]; scale: RatingScale }) {
	return (
		<Table
			className="stats-ratings"
			caption={scale === 5 ? "Ratings in stars" : `Ratings on your ${scale}-point scale`}
			header={
				<>
					<th scope="col" className={head}>
						Rating
					</th>
					<th scope="col" className={`${head} text-right`}>
						Entries
					</th>
				</>
			}
		>
			{buckets.map((bucket) => (
				<tr key={bucket.label} data-key={bucket.label} className="border-b border-line last:border-0">
					<th scope="row" className="px-3 py-1.5 font-medium">
						{bucket.label}
					</th>
					<td className={`${cell} entries`}>{bucket.entries}</td>
				</tr>
			))}
		</Table>
	);
}
