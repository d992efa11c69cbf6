import { loadDemoCatalog } from "./catalog";

try {
	const { works, collections } = loadDemoCatalog();
	const byType = new Map<string, number>();
	for (const work of works) byType.set(work.type, (byType.get(work.type) ?? 0) + 1);
	const franchises = new Map<string, Set<string>>();
	for (const work of works) {
		if (!work.franchise) continue;
		const root = work.franchise.split(".")[0];
		franchises.set(root, (franchises.get(root) ?? new Set()).add(work.type));
	}
	console.log(`${works.length} works, ${Object.keys(collections).length} franchise labels`);
	for (const [type, n] of [...byType].sort()) console.log(`  ${type}: ${n}`);
	for (const [root, types] of [...franchises].sort()) console.log(`  franchise ${root}: ${[...types].join(", ")}`);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
