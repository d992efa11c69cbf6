import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const EnvSchema = z.object({
	NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default("0.0.0.0"),
	DATABASE_URL: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
			.optional(),
	),
	DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
	SESSION_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
	DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
	SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("true")),
	PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
	GOOGLE_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
	GOOGLE_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
	// Processes serving HTTP (server.ts): 1 = no cluster; "auto" = one per core this process may use.
	WEB_CONCURRENCY: z.preprocess(
		emptyAsUndefined,
		z
			.string()
			.regex(/^(auto|[1-9]\d*)$/, "must be a whole number ≥ 1, or auto")
			.optional()
			.transform((value) => (value === undefined ? 1 : value === "auto" ? availableParallelism() : Number(value))),
	),
	LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses process.env once per call site; throws a readable error naming each bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
	if (source === process.env && !source.VITEST && existsSync(".env")) process.loadEnvFile(".env");
	const parsed = EnvSchema.safeParse(source);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
		throw new Error(`Invalid environment:\n${lines.join("\n")}`);
	}
	return parsed.data;
}

export function resolveDataDir(env: Env = readEnv()): string {
	return path.resolve(env.DATA_DIR);
}

/**
 * SESSION_SECRET when set; otherwise a random secret generated once and kept in DATA_DIR,
 * so `npm start` needs no configuration and sessions survive restarts.
 */
export function getSessionSecret(env: Env = readEnv()): string {
	if (env.SESSION_SECRET) return env.SESSION_SECRET;
	const dir = resolveDataDir(env);
	const file = path.join(dir, "session-secret");
	if (existsSync(file)) {
		const stored = readFileSync(file, "utf8").trim();
		if (stored.length >= 32) return stored;
	}
	mkdirSync(dir, { recursive: true });
	const secret = randomBytes(32).toString("base64url");
	writeFileSync(file, `${secret}\n`, { mode: 0o600 });
	return secret;
}
