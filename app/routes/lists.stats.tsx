import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { requireUser } from "~/auth/session.server";
import { BarChart } from "~/components/stats/BarChart";
import { ColumnChart } from "~/components/stats/ColumnChart";
import { MonthTable, RatingTable, StatsSummary, StatusTable, TypeTable } from "~/components/stats/StatsTables";
import { formatMinutes, statusLabels } from "~/lib/columns";
import { mediaTypeLabels } from "~/lib/media-types";
import { formatMean, monthLabels } from "~/lib/stats";
import { getUserStats } from "~/models/stats.server";

export const meta: MetaFunction = () => [{ title: "My stats · OmniMediaTrak" }];

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request);
	const stats = await getUserStats({ userId: user.id, ratingScale: user.ratingScale });
	return { ...stats, ratingScale: user.ratingScale };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function Panel({
	id,
	title,
	intro,
	wide = false,
	children,
}: {
	id: string;
	title: string;
	intro?: ReactNode;
	/** Stack the content (a table too wide to sit beside a chart). */
	wide?: boolean;
	children: ReactNode;
}) {
	return (
		<section
			aria-labelledby={`${id}-title`}
			className={`${id} grid gap-3 rounded-xl border border-line bg-surface p-4`}
		>
			<div>
				<h2 id={`${id}-title`} className="text-lg font-semibold">
					{title}
				</h2>
				{intro ? <p className="text-sm text-muted">{intro}</p> : null}
			</div>
			<div className={`grid items-start gap-4 ${wide ? "" : "lg:grid-cols-2"}`}>{children}</div>
		</section>
	);
}

/** A chart with a visible caption, where the panel holds more than one. */
function Figure({ caption, children }: { caption: string; children: ReactNode }) {
	return (
		<figure className="grid gap-1">
			<figcaption className="text-sm font-medium text-muted">{caption}</figcaption>
			{children}
		</figure>
	);
}

function Empty({ children }: { children: ReactNode }) {
	return <p className="rounded-lg bg-surface-2 p-4 text-center text-sm text-muted">{children}</p>;
}

export default function MyStats() {
	const { totals, byType, byStatus, months, ratings, ratingScale } = useLoaderData<typeof loader>();
	const completedIn12Months = months.reduce((sum, month) => sum + month.completed, 0);
	return (
		<section aria-labelledby="stats-title" className="grid gap-6">
			<div className="flex flex-wrap items-baseline justify-between gap-2">
				<h1 id="stats-title" className="text-2xl font-bold">
					My stats
				</h1>
				<Link to="/lists" className="text-sm underline">
					Back to my list
				</Link>
			</div>
			{totals.entries === 0 ? (
				<p className="empty rounded-xl border border-line bg-surface p-6 text-center text-muted">
					No stats yet: your list is empty.{" "}
					<Link to="/catalog" className="underline">
						Find something in the catalog
					</Link>{" "}
					and your entries, time and ratings will show up here.
				</p>
			) : (
				<>
					<StatsSummary totals={totals} mean={ratings.mean} scale={ratingScale} />
					<p className="text-xs text-muted">
						Time is estimated from each work's length. Time spent counts completed works in full and the rest by your
						progress; time planned counts the works you plan in full.
						{totals.untimed > 0
							? ` ${plural(totals.untimed, "entry has", "entries have")} no length data and count as no time.`
							: null}
					</p>
					<Panel id="stats-by-type" title="By media type" wide>
						<div className="grid items-start gap-4 lg:grid-cols-2">
							<Figure caption="Entries">
								<BarChart
									title="Entries per media type"
									description="Bar chart of how many entries you have of each media type."
									bars={byType.map((type) => ({
										key: type.mediaType,
										label: mediaTypeLabels[type.mediaType],
										value: type.entries,
										valueLabel: plural(type.entries, "entry", "entries"),
									}))}
								/>
							</Figure>
							<Figure caption="Time spent">
								{totals.minutesSpent > 0 ? (
									<BarChart
										title="Time spent per media type"
										description="Bar chart of the estimated time you spent on each media type."
										bars={byType.map((type) => ({
											key: type.mediaType,
											label: mediaTypeLabels[type.mediaType],
											value: type.minutesSpent,
											valueLabel: formatMinutes(type.minutesSpent),
										}))}
									/>
								) : (
									<Empty>No time spent yet: complete something or record your progress.</Empty>
								)}
							</Figure>
						</div>
						<TypeTable byType={byType} />
					</Panel>
					<Panel id="stats-by-status" title="By status">
						<BarChart
							title="Entries per status"
							description="Bar chart of how many of your entries are in each status."
							bars={byStatus.map((row) => ({
								key: row.status,
								label: statusLabels[row.status],
								value: row.entries,
								valueLabel: plural(row.entries, "entry", "entries"),
							}))}
						/>
						<StatusTable byStatus={byStatus} />
					</Panel>
					<Panel
						id="stats-months"
						title="Completions per month"
						intro={`${plural(completedIn12Months, "completion", "completions")} in the last 12 months.`}
					>
						{completedIn12Months > 0 ? (
							<>
								<ColumnChart
									title="Completions per month"
									description="Column chart of how many entries you completed in each of the last 12 months."
									bars={months.map((month) => ({
										key: month.month,
										label: monthLabels(month.month).short,
										fullLabel: monthLabels(month.month).long,
										value: month.completed,
										valueLabel: plural(month.completed, "completion", "completions"),
									}))}
								/>
								<MonthTable months={months} />
							</>
						) : (
							<Empty>Nothing completed in the last 12 months.</Empty>
						)}
					</Panel>
					<Panel
						id="stats-ratings"
						title="Ratings"
						intro={
							ratings.rated > 0
								? `${plural(ratings.rated, "rated entry", "rated entries")}, mean ${formatMean(ratings.mean, ratingScale)}.`
								: undefined
						}
					>
						{ratings.rated > 0 ? (
							<>
								<ColumnChart
									title="Rating distribution"
									description={`Column chart of how many entries you gave each rating, ${ratingScale === 5 ? "in half stars out of 5" : `on your ${ratingScale}-point scale`}.`}
									bars={ratings.buckets.map((bucket) => ({
										key: bucket.label,
										label: bucket.label,
										value: bucket.entries,
										valueLabel: plural(bucket.entries, "entry", "entries"),
									}))}
								/>
								<RatingTable buckets={ratings.buckets} scale={ratingScale} />
							</>
						) : (
							<Empty>
								You have not rated anything yet. Ratings you give in{" "}
								<Link to="/lists" className="underline">
									your list
								</Link>{" "}
								will show up here.
							</Empty>
						)}
					</Panel>
				</>
			)}
		</section>
	);
}
