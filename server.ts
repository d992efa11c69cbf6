import cluster, { type Worker } from "node:cluster";
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

// A worker that exits on its own is replaced after RESTART_DELAY_MS, doubled for each one in a row that
// lived less than STABLE_AFTER_MS (a crash loop), up to RESTART_DELAY_MAX_MS.
const RESTART_DELAY_MS = 500;
const RESTART_DELAY_MAX_MS = 30_000;
const STABLE_AFTER_MS = 10_000;

if (cluster.isWorker) {
	// The primary has migrated, seeded and written the session secret; a worker only serves.
	await serve();
} else {
	if (env.WEB_CONCURRENCY > 1 && !env.DATABASE_URL) {
		process.stderr.write(
			`WEB_CONCURRENCY=${env.WEB_CONCURRENCY} needs DATABASE_URL: the embedded database (PGlite) opens in one process only\n`,
		);
		process.exit(1);
	}
	await prepareDatabase();
	if (env.WEB_CONCURRENCY === 1) await serve();
	else {
		// The primary only supervises; its connection would sit idle.
		await closeDb();
		superviseWorkers(env.WEB_CONCURRENCY);
	}
}

async function prepareDatabase() {
	const startedAt = performance.now();
	await migrateDatabase();
	if (env.SEED_DEMO === "true") {
		const report = await seedIfEmpty();
		if (report) logger.info({ seed: report }, "demo catalog loaded");
	}
	// Written once here, before any worker starts, so every worker reads the same secret.
	getSessionSecret(env);
	logger.info({ driver: getConnection().driver, ms: Math.round(performance.now() - startedAt) }, "database ready");
}

/** The HTTP server: in this process (WEB_CONCURRENCY=1), or in each cluster worker sharing the port. */
async function serve() {
	const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
	const workerId = cluster.worker ? String(cluster.worker.id) : null;

	const app = express();
	app.disable("x-powered-by");
	app.set("trust proxy", "loopback");

	app.use((req: Request, res: Response, next: NextFunction) => {
		const start = process.hrtime.bigint();
		const incoming = req.get("x-request-id");
		const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
		res.setHeader("X-Request-Id", requestId);
		// Which worker answered, when clustered: tells a slow or failing process apart.
		if (workerId) res.setHeader("X-Worker", workerId);
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
}

/**
 * Forks `count` workers (cluster shares the listening port among them), replaces one that exits on
 * its own, forwards SIGTERM/SIGINT so each worker shuts down gracefully, and exits once all are gone.
 */
function superviseWorkers(count: number) {
	// Workers run this same file with the same Node options (`--import tsx`, or the tsx CLI's loaders).
	cluster.setupPrimary({ exec: process.argv[1], execArgv: process.execArgv });
	// Live workers and when each was forked; cluster.workers may still list one that has exited.
	const live = new Map<Worker, number>();
	const pendingRestarts = new Set<NodeJS.Timeout>();
	let youngExits = 0;
	let stopping = false;

	const fork = () => {
		const worker = cluster.fork();
		live.set(worker, Date.now());
		logger.info({ worker: worker.id, pid: worker.process.pid }, "worker started");
	};
	const finishIfDone = () => {
		if (!stopping || live.size > 0) return;
		logger.info("stopped");
		process.exit(0);
	};

	cluster.on("exit", (worker, code, signal) => {
		const lived = Date.now() - (live.get(worker) ?? 0);
		live.delete(worker);
		if (stopping) return finishIfDone();
		youngExits = lived < STABLE_AFTER_MS ? youngExits + 1 : 0;
		const delay = Math.min(RESTART_DELAY_MS * 2 ** youngExits, RESTART_DELAY_MAX_MS);
		logger.error({ worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: delay }, "worker exited");
		const timer = setTimeout(() => {
			pendingRestarts.delete(timer);
			if (!stopping) fork();
		}, delay);
		pendingRestarts.add(timer);
	});

	const shutdown = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		logger.info({ signal }, "shutting down");
		for (const timer of pendingRestarts) clearTimeout(timer);
		pendingRestarts.clear();
		for (const worker of live.keys()) worker.process.kill(signal);
		// Each worker forces its connections closed after 10 s; this covers one that hangs anyway.
		setTimeout(() => {
			for (const worker of live.keys()) worker.process.kill("SIGKILL");
		}, 15_000).unref();
		finishIfDone();
	};
	process.on("SIGTERM", () => shutdown("SIGTERM"));
	process.on("SIGINT", () => shutdown("SIGINT"));

	logger.info({ workers: count, pid: process.pid }, "starting workers");
	for (let i = 0; i < count; i++) fork();
}
