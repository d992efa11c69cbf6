import { Fragment } from "react";
import { formatReview, type Inline } from "~/lib/review-format";

function InlineNodes({ nodes }: { nodes: Inline[] }) {
	return (
		<>
			{nodes.map((node, i) => {
				const key = `${i}-${node.kind}`;
				switch (node.kind) {
					case "text":
						return <Fragment key={key}>{node.text}</Fragment>;
					case "break":
						return <br key={key} />;
					case "strong":
						return (
							<strong key={key}>
								<InlineNodes nodes={node.children} />
							</strong>
						);
					case "em":
						return (
							<em key={key}>
								<InlineNodes nodes={node.children} />
							</em>
						);
					default:
						return (
							<a key={key} href={node.href} rel="nofollow ugc noopener" className="underline">
								{node.text}
							</a>
						);
				}
			})}
		</>
	);
}

/** A review body as paragraphs of text elements (never raw HTML: React escapes every string). */
export function ReviewBody({ body }: { body: string }) {
	return (
		<div className="review-body grid gap-2">
			{formatReview(body).map((paragraph, i) => (
				// Paragraphs have no identity beyond their place in the body.
				// biome-ignore lint/suspicious/noArrayIndexKey: the body is static text
				<p key={i}>
					<InlineNodes nodes={paragraph} />
				</p>
			))}
		</div>
	);
}
