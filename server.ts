import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import pino from "pino";
import { getSessionSecret, readEnv } from "./app/env.server";
import { runInRequestScope } from "./app/request-scope.server";
import { closeDb, getConnection } from "./db/client.server";
import { migrateDatabase } from "./db/migrate";
import { seedIfEmpty } from "./db/seed/index";

process.env.NODE_ENV ??= "production";
const env = readEnv();
const logger = pino({ level: env.LOG_LEVEL, base: { service: "omnimediatrak" } });

const startedAt = performance.now();
await migrateDatabase();
if (env.SEED_DEMO === "true") {
	const report = await seedIfEmpty();
	if (report) logger.info({ seed: report }, "demo catalog loaded");
}
getSessionSecret(env);
logger.info({ driver: getConnection().driver, ms: Math.round(performance.now() - startedAt) }, "database ready");

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");

app.use((req: Request, res: Response, next: NextFunction) => {
	const start = process.hrtime.bigint();
	const incoming = req.get("x-request-id");
	const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
	res.setHeader("X-Request-Id", requestId);
	res.locals.requestId = requestId;
	res.on("finish", () => {
		const ms = Number(process.hrtime.bigint() - start) / 1e6;
		logger.info(
			{
				reqId: requestId,
				method: req.method,
				url: req.originalUrl,
				status: res.statusCode,
				ms: Math.round(ms * 10) / 10,
			},
			"request",
		);
	});
	next();
});

// Scripts run only from this origin or with this response's nonce (Remix's inline hydration data).
app.use((_req: Request, res: Response, next: NextFunction) => {
	const nonce = randomBytes(16).toString("base64");
	res.locals.cspNonce = nonce;
	res.setHeader("X-Content-Type-Options", "nosniff");
	res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
	res.setHeader("X-Frame-Options", "DENY");
	res.setHeader(
		"Content-Security-Policy",
		[
			"default-src 'self'",
			`script-src 'self' 'nonce-${nonce}'`,
			"style-src 'self'",
			"img-src 'self' data:",
			`connect-src 'self'${env.NODE_ENV === "development" ? " ws:" : ""}`,
			"frame-ancestors 'none'",
			"base-uri 'self'",
			"form-action 'self'",
			"object-src 'none'",
		].join("; "),
	);
	res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	next();
});

// Every state-changing request must come from a page of this site (CSRF defence; see DESIGN "Form field names").
app.use((req: Request, res: Response, next: NextFunction) => {
	if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
	// An OpenID provider using response_mode=form_post answers from its own origin; state, nonce and
	// PKCE protect that request instead.
	if (/^\/auth\/[a-z0-9]+\/callback$/.test(req.path)) return next();
	const source = req.get("origin") ?? req.get("referer");
	let sourceHost: string | null = null;
	try {
		sourceHost = source ? new URL(source).host : null;
	} catch {
		sourceHost = null;
	}
	if (sourceHost && sourceHost === req.get("host")) return next();
	res.status(403).type("text/plain").send("Cross-origin form posts are not accepted.");
});

// Loaders of one request share per-request lookups (the signed-in person).
app.use((_req: Request, _res: Response, next: NextFunction) => runInRequestScope(next));

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all(
	"*",
	createRequestHandler({
		build,
		mode: env.NODE_ENV,
		getLoadContext: (req, res) => ({ ip: req.ip, requestId: res.locals.requestId, cspNonce: res.locals.cspNonce }),
	}),
);

const server = app.listen(env.PORT, env.HOST, () => {
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : env.PORT;
	logger.info({ port }, `listening on http://localhost:${port}`);
	if (env.NODE_ENV === "development") broadcastDevReady(build);
});

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	logger.info({ signal }, "shutting down");
	const force = setTimeout(() => server.closeAllConnections(), 10_000);
	force.unref();
	server.close(async () => {
		try {
			await closeDb();
		} finally {
			logger.info("stopped");
			process.exit(0);
		}
	});
	server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
