import { useId } from "react";
import { barLength } from "./scale";

export type ChartBar = {
	key: string;
	/** Text on the axis. */
	label: string;
	value: number;
	/** The value as people read it ("3", "2 h 1 min"). */
	valueLabel: string;
	/** Longer name for the tooltip when the axis label is abbreviated ("March 2025" for "Mar"). */
	fullLabel?: string;
};

const WIDTH = 400;
const ROW = 28;
const LABEL = 104;
const VALUE = 84;

/**
 * Horizontal bars, one row per item, the value written at the end of each bar. Server-rendered SVG:
 * it reads the same without JavaScript, and the page puts the same numbers in a table beside it.
 */
export function BarChart({ title, description, bars }: { title: string; description: string; bars: ChartBar[] }) {
	const id = useId();
	const top = Math.max(...bars.map((bar) => bar.value), 0);
	const span = WIDTH - LABEL - VALUE;
	const height = bars.length * ROW + 8;
	return (
		<svg
			viewBox={`0 0 ${WIDTH} ${height}`}
			role="img"
			aria-labelledby={`${id}-title`}
			aria-describedby={`${id}-desc`}
			className="bar-chart h-auto w-full max-w-md text-ink"
			fontSize={12}
		>
			<title id={`${id}-title`}>{title}</title>
			<desc id={`${id}-desc`}>{description}</desc>
			{bars.map((bar, i) => {
				const y = 4 + i * ROW;
				const length = barLength(bar.value, top, span);
				return (
					<g key={bar.key} className="chart-bar">
						<title>{`${bar.fullLabel ?? bar.label}: ${bar.valueLabel}`}</title>
						<text x={LABEL - 8} y={y + ROW / 2} dominantBaseline="middle" textAnchor="end" className="fill-current">
							{bar.label}
						</text>
						<rect x={LABEL} y={y + 5} width={span} height={ROW - 10} rx={3} className="fill-surface-2" />
						<rect x={LABEL} y={y + 5} width={length} height={ROW - 10} rx={3} className="fill-accent" />
						<text x={LABEL + length + 6} y={y + ROW / 2} dominantBaseline="middle" className="fill-muted">
							{bar.valueLabel}
						</text>
					</g>
				);
			})}
		</svg>
	);
}
