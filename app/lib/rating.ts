export type RatingScale = 5 | 10 | 100;

/** Ratings are stored 0–100; people enter and read them on their own scale (5 stars in halves, 10, 100). */
export function toStoredRating(value: number, scale: RatingScale): number | null {
	if (!Number.isFinite(value) || value < 0 || value > scale) return null;
	const step = scale === 5 ? 0.5 : 1;
	if (Math.abs(value / step - Math.round(value / step)) > 1e-9) return null;
	return Math.round((value / scale) * 100);
}

export function fromStoredRating(stored: number, scale: RatingScale): number {
	const value = (stored / 100) * scale;
	return scale === 5 ? Math.round(value * 2) / 2 : Math.round(value);
}
