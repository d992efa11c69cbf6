import { pathToFileURL } from "node:url";
import { count, desc, eq, sql } from "drizzle-orm";
import { closeDb, type Database, getDb } from "../client.server";
import { migrateDatabase } from "../migrate";
import { collections, externalLinks, importJobs, media, mediaClasses, mediaStats, sources } from "../schema";
import { type DemoWork, loadDemoCatalog, releaseDateOf } from "./catalog";
import { stableId } from "./ids";
import { mediaClassTree } from "./taxonomy";

export type SeedReport = { works: number; externalLinks: number; collections: number; ms: number };

function mediaRow(work: DemoWork) {
	const { date, precision } = releaseDateOf(work);
	const attributes: Record<string, unknown> = { ...work.attributes };
	if (work.genres.length > 0) attributes.genres = work.genres;
	if (work.originalTitle) attributes.original_title = work.originalTitle;
	if (precision !== "day") attributes.release_precision = precision;
	return {
		id: stableId(work.key),
		mediaType: work.type,
		mediaClass: work.class,
		title: work.title,
		releaseDate: date,
		countryOfOrigin: work.country,
		creators: work.creators,
		attributes,
		collectionPath: work.franchise ?? null,
	};
}

function chunks<T>(items: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

/**
 * Loads the bundled demo catalog. Idempotent: works are keyed by a stable id derived from their
 * key, so a second run updates facts in place and adds nothing twice. One transaction.
 */
export async function seedDemoCatalog(db: Database = getDb()): Promise<SeedReport> {
	const started = performance.now();
	const catalog = loadDemoCatalog();
	const rows = catalog.works.map(mediaRow);
	const links = catalog.works.flatMap((work) =>
		Object.entries(work.external ?? {}).map(([sourceName, externalKey]) => ({
			mediaId: stableId(work.key),
			sourceName,
			externalKey,
		})),
	);
	const collectionRows = Object.entries(catalog.collections).map(([path, label]) => ({ path, label }));

	await db.transaction(async (tx) => {
		await tx
			.insert(mediaClasses)
			.values(mediaClassTree)
			.onConflictDoUpdate({
				target: mediaClasses.path,
				set: { label: sql`excluded.label`, mediaType: sql`excluded.media_type` },
			});
		if (collectionRows.length > 0) {
			await tx
				.insert(collections)
				.values(collectionRows)
				.onConflictDoUpdate({ target: collections.path, set: { label: sql`excluded.label` } });
		}
		for (const batch of chunks(rows, 200)) {
			await tx
				.insert(media)
				.values(batch)
				.onConflictDoUpdate({
					target: media.id,
					set: {
						mediaType: sql`excluded.media_type`,
						mediaClass: sql`excluded.media_class`,
						title: sql`excluded.title`,
						releaseDate: sql`excluded.release_date`,
						countryOfOrigin: sql`excluded.country_of_origin`,
						creators: sql`excluded.creators`,
						attributes: sql`excluded.attributes`,
						collectionPath: sql`excluded.collection_path`,
						updatedAt: sql`now()`,
					},
					setWhere: sql`(media.title, media.release_date, media.creators, media.attributes, media.collection_path, media.media_class, media.country_of_origin)
						is distinct from (excluded.title, excluded.release_date, excluded.creators, excluded.attributes, excluded.collection_path, excluded.media_class, excluded.country_of_origin)`,
				});
			await tx
				.insert(mediaStats)
				.values(batch.map((row) => ({ mediaId: row.id })))
				.onConflictDoNothing();
		}
		for (const batch of chunks(links, 500)) {
			await tx.insert(externalLinks).values(batch).onConflictDoNothing();
		}
		await tx
			.insert(sources)
			.values({ name: "demo", label: "Bundled demo catalog", kind: "bundled" })
			.onConflictDoNothing();
		await tx.insert(importJobs).values({
			sourceName: "demo",
			status: "succeeded",
			stats: { works: rows.length, externalLinks: links.length, collections: collectionRows.length },
			startedAt: new Date(Date.now() - Math.round(performance.now() - started)),
			finishedAt: new Date(),
		});
	});
	return {
		works: rows.length,
		externalLinks: links.length,
		collections: collectionRows.length,
		ms: Math.round(performance.now() - started),
	};
}

export async function countWorks(db: Database = getDb()): Promise<number> {
	const [row] = await db.select({ n: count() }).from(media);
	return row?.n ?? 0;
}

/** Seeds only when the catalog is empty (what `npm start` does on a new database). */
export async function seedIfEmpty(db: Database = getDb()): Promise<SeedReport | null> {
	return (await countWorks(db)) === 0 ? seedDemoCatalog(db) : null;
}

export async function lastDemoImport(db: Database = getDb()) {
	const [job] = await db
		.select()
		.from(importJobs)
		.where(eq(importJobs.sourceName, "demo"))
		.orderBy(desc(importJobs.createdAt))
		.limit(1);
	return job;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		await migrateDatabase();
		const report = await seedDemoCatalog();
		console.log(
			`demo catalog: ${report.works} works, ${report.externalLinks} external links, ${report.collections} franchise labels in ${report.ms} ms`,
		);
	} finally {
		await closeDb();
	}
}
