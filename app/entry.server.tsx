import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
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
	// No route defers data, so the document is rendered whole and sent as one body with its length:
	// React emits it in 2 KB pieces, and passing each through the stream layers to the socket costs
	// more than the wait (decision 012).
	return new Promise<Response>((resolve, reject) => {
		let shellReady = false;
		const chunks: Buffer[] = [];
		const sink = new Writable({
			write(chunk: Buffer, _encoding, done) {
				chunks.push(chunk);
				done();
			},
			final(done) {
				clearTimeout(timer);
				const body = Buffer.concat(chunks);
				responseHeaders.set("Content-Type", "text/html; charset=utf-8");
				responseHeaders.set("Content-Length", String(body.byteLength));
				resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
				done();
			},
		});
		const { pipe, abort } = renderToPipeableStream(
			<NonceProvider value={typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : ""}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
			</NonceProvider>,
			{
				nonce: typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined,
				onShellReady() {
					shellReady = true;
				},
				onAllReady() {
					pipe(sink);
				},
				onShellError(error: unknown) {
					clearTimeout(timer);
					reject(error);
				},
				onError(error: unknown) {
					responseStatusCode = 500;
					// An error before the shell rejects, and Remix logs it; one after it is logged here.
					if (shellReady) console.error(error);
				},
			},
		);
		const timer = setTimeout(abort, ABORT_DELAY);
	});
}

/** Logs unexpected errors once; 404s and other responses thrown on purpose are not errors. */
export function handleError(error: unknown, { request }: { request: Request }) {
	if (request.signal.aborted || isRouteErrorResponse(error)) return;
	console.error(error);
}
