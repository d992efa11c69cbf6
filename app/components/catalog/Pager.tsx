import { Link } from "@remix-run/react";
import { type FilterSpec, specHref } from "~/lib/filter-spec";

/** First and next page links: by cursor (keyset) where the view has one, else by page number. */
export function Pager({
	spec,
	pathname,
	nextCursor,
	nextPage = null,
}: {
	spec: FilterSpec;
	pathname: string;
	nextCursor: string | null;
	nextPage?: number | null;
}) {
	const notFirst = spec.page > 1 || spec.after;
	return (
		<nav aria-label="Pages" className="pager flex items-center gap-3 text-sm">
			{notFirst ? (
				<Link to={specHref(pathname, spec, { page: 1, after: null })} className="underline">
					First page
				</Link>
			) : null}
			{nextCursor ? (
				<Link to={specHref(pathname, spec, { after: nextCursor, page: 1 })} className="underline" rel="next">
					Next page
				</Link>
			) : null}
			{nextPage ? (
				<Link to={specHref(pathname, spec, { page: nextPage })} className="underline" rel="next">
					Next page
				</Link>
			) : null}
		</nav>
	);
}
