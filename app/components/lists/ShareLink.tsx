import { useState } from "react";
import type { ListVisibility } from "~/lib/list-schemas";
import { useHydrated } from "./useHydrated";

/** The owner's view of sharing: the link of a public list, or how to get one. */
export function ShareLink({ visibility, shareUrl }: { visibility: ListVisibility; shareUrl: string }) {
	const hydrated = useHydrated();
	const [copied, setCopied] = useState(false);
	if (visibility !== "public") {
		return (
			<p className="share-link text-sm text-muted">
				Only you can see this list. Make it public under “Edit details” to get a link to share.
			</p>
		);
	}
	const copy = async () => {
		try {
			await navigator.clipboard.writeText(shareUrl);
			setCopied(true);
		} catch {
			// No clipboard access (permissions, insecure origin): select the text so it can be copied by hand.
			(document.getElementById("share-url") as HTMLInputElement | null)?.select();
		}
	};
	return (
		<div className="share-link grid gap-1">
			<label htmlFor="share-url" className="text-sm font-medium">
				Share link
			</label>
			<div className="flex gap-2">
				<input
					id="share-url"
					readOnly
					value={shareUrl}
					onFocus={(event) => event.currentTarget.select()}
					className="block w-full rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm"
				/>
				{hydrated ? (
					<button
						type="button"
						onClick={copy}
						className="rounded-md border border-line px-3 py-1 text-sm hover:bg-surface-2"
					>
						{copied ? "Copied" : "Copy"}
					</button>
				) : null}
			</div>
			<p className="text-xs text-muted">Anyone with the link can see this list, signed in or not.</p>
		</div>
	);
}
