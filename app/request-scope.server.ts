import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Values shared by everything one HTTP request runs (the root's and the page's loaders run side by side,
 * each with its own Request object). The server starts each request in a scope; outside one (tests that
 * call a loader directly) nothing is shared. Kept on globalThis because server.ts and the Remix build
 * load this module separately.
 */
type Scope = Map<string, unknown>;
const key = Symbol.for("omnimediatrak.requestScope");
const holder = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<Scope> };
const storage: AsyncLocalStorage<Scope> = holder[key] ?? new AsyncLocalStorage<Scope>();
holder[key] = storage;

/** Runs `next` (the rest of the request's handling) in a fresh scope. */
export function runInRequestScope<T>(next: () => T): T {
	return storage.run(new Map(), next);
}

/** The request's value for `name`, made once per request by `make` (or every time outside a scope). */
export function perRequest<T>(name: string, make: () => T): T {
	const scope = storage.getStore();
	if (!scope) return make();
	if (!scope.has(name)) scope.set(name, make());
	return scope.get(name) as T;
}
