import { Form, Link, useLocation } from "@remix-run/react";
import { ColumnHeader } from "~/components/catalog/SortHeader";
import type { ColumnKey, FilterSpec } from "~/lib/filter-spec";
import { mediaTypeLabels } from "~/lib/media-types";
import { fromStoredRating, type RatingScale } from "~/lib/rating";
import { excerptOf } from "~/lib/review-format";
import type { MyReviewRow } from "~/models/my-reviews.server";

function Cell({ column, review, scale }: { column: ColumnKey; review: MyReviewRow; scale: RatingScale }) {
	const cell = "px-3 py-2";
	switch (column) {
		case "title":
			return (
				<td className={`${cell} font-medium`}>
					<Link to={`/catalog/${review.mediaId}#reviews`} className="hover:underline">
						{review.title}
					</Link>
				</td>
			);
		case "type":
			return <td className={cell}>{mediaTypeLabels[review.mediaType]}</td>;
		case "review":
			return <td className={`review-excerpt ${cell} max-w-96 text-muted`}>{excerptOf(review.body)}</td>;
		case "rating":
			return (
				<td className={`review-rating ${cell} tabular-nums`}>
					{review.rating === null ? "—" : fromStoredRating(review.rating, scale)}
				</td>
			);
		case "spoiler":
			return <td className={`review-spoiler ${cell}`}>{review.spoiler ? "Spoilers" : "—"}</td>;
		case "updated":
			return <td className={`${cell} tabular-nums`}>{review.updatedAt.slice(0, 10)}</td>;
		default:
			return null;
	}
}

/** The person's reviews in the table layout: sortable headers, chosen columns, edit on the work page, delete here. */
export function MyReviewsTable({
	rows,
	spec,
	pathname,
	scale,
}: {
	rows: MyReviewRow[];
	spec: FilterSpec;
	pathname: string;
	scale: RatingScale;
}) {
	const location = useLocation();
	return (
		<div className="overflow-x-auto rounded-xl border border-line bg-surface">
			<table className="reviews-table w-full text-left text-sm">
				<thead className="border-b border-line text-muted">
					<tr>
						{spec.cols.map((column) => (
							<ColumnHeader key={column} column={column} spec={spec} pathname={pathname} />
						))}
						<th scope="col" className="px-3 py-2 font-medium">
							<span className="sr-only">Actions</span>
						</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((review) => (
						<tr key={review.reviewId} className="border-t border-line align-top">
							{spec.cols.map((column) => (
								<Cell key={column} column={column} review={review} scale={scale} />
							))}
							<td className="flex gap-2 px-3 py-2">
								<Link
									to={`/catalog/${review.mediaId}#reviews`}
									className="rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2"
								>
									Edit
								</Link>
								<Form method="post">
									<input type="hidden" name="intent" value="review-delete" />
									<input type="hidden" name="mediaId" value={review.mediaId} />
									<input type="hidden" name="reviewId" value={review.reviewId} />
									<input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
									<button
										type="submit"
										className="rounded-md border border-line px-2 py-0.5 text-xs hover:bg-surface-2"
									>
										Delete
									</button>
								</Form>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}
