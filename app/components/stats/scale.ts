/**
 * The top of a chart's value axis: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value, so
 * gridlines fall on round numbers. Charts count whole things (entries, minutes), so the top is at least 1.
 */
export function niceMax(max: number): number {
	if (!Number.isFinite(max) || max <= 1) return 1;
	const magnitude = 10 ** Math.floor(Math.log10(max));
	for (const factor of [1, 2, 5]) {
		if (factor * magnitude >= max) return factor * magnitude;
	}
	return 10 * magnitude;
}

/** Gridline values from 0 to a niceMax top: the finest 1, 2 or 5 × 10ⁿ step that gives at most five steps. */
export function axisTicks(top: number): number[] {
	let step = top;
	for (let magnitude = 1; magnitude <= top; magnitude *= 10) {
		const found = [1, 2, 5].map((f) => f * magnitude).find((s) => top % s === 0 && top / s <= 5);
		if (found) {
			step = found;
			break;
		}
	}
	return Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
}

/** Length of a bar for a value on an axis from 0 to top; a non-zero value stays visible. */
export function barLength(value: number, top: number, span: number): number {
	if (value <= 0 || top <= 0) return 0;
	return Math.max((Math.min(value, top) / top) * span, 2);
}
