import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createCookie } from "@remix-run/node";
import postgres from "postgres";

const databaseUrl = process.env.DATABASE_URL!;
const sql = postgres(databaseUrl, { max: 1 });
const secret = process.env.SESSION_SECRET!;
const jar = createCookie("omt_session", { path: "/", httpOnly: true, sameSite: "lax", secrets: [secret] });
const [u] = await sql`select id from users.users where username = ${process.argv[2] ?? "bench_1"}`;
const token = randomBytes(32).toString("base64url");
await sql`insert into auth.sessions (token_hash, user_id, expires_at, user_agent) values (${createHash("sha256").update(token).digest("base64url")}, ${u.id}, now() + interval '1 day', 'x')`;
const cookie = (await jar.serialize(token)).split(";")[0];
writeFileSync("/tmp/prof/cookie", cookie);
for (const path of process.argv.slice(3)) {
	const t = performance.now();
	const html = await (await fetch(`http://127.0.0.1:3410${path}`, { headers: { cookie } })).text();
	const ms = performance.now() - t;
	const name = path.replace(/[^a-z0-9]+/gi, "_");
	writeFileSync(`/tmp/prof/${name}.html`, html);
	const ctx = /window\.__remixContext = (.*?);<\/script>/s.exec(html)?.[1] ?? "";
	const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? "";
	const tbody = /<tbody[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? "";
	const aside = /<aside[\s\S]*?<\/aside>/.exec(html)?.[0] ?? "";
	console.log(path, {
		ms: ms.toFixed(1),
		total: html.length,
		remixContext: ctx.length,
		main: main.length,
		tbody: tbody.length,
		aside: aside.length,
		rows: (tbody.match(/<tr/g) ?? []).length,
	});
}
await sql.end();
