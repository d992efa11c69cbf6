import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";

const ABORT_DELAY = 5_000;

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	// Bots and no-JS clients get the whole document at once; browsers get it streamed.
	const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";
	return new Promise<Response>((resolve, reject) => {
		let shellRendered = false;
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : ""}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
			</NonceProvider>,
			{
				nonce: typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined,
				[readyEvent]() {
					shellRendered = true;
					const body = new PassThrough();
					responseHeaders.set("Content-Type", "text/html; charset=utf-8");
					resolve(
						new Response(createReadableStreamFromReadable(body), {
							headers: responseHeaders,
							status: responseStatusCode,
						}),
					);
					pipe(body);
				},
				onShellError(error: unknown) {
					reject(error);
				},
				onError(error: unknown) {
					responseStatusCode = 500;
					// Errors after the shell are already on their way to the client; log them once here.
					if (shellRendered) console.error(error);
				},
			},
		);
		setTimeout(abort, ABORT_DELAY);
	});
}

/** Logs unexpected errors once; 404s and other responses thrown on purpose are not errors. */
export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted || isRouteErrorResponse(error)) return;
	console.error(error);
}
