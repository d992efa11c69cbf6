import "@remix-run/server-runtime";

declare module "@remix-run/server-runtime" {
	interface AppLoadContext {
		/** Client IP as Express sees it (trusting only a loopback proxy). */
		ip?: string;
		requestId?: string;
		/** Nonce of this response's Content-Security-Policy, for the inline scripts Remix renders. */
		cspNonce?: string;
	}
}
