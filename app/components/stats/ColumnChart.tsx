import { useId } from "react";
import type { ChartBar } from "./BarChart";
import { axisTicks, barLength, niceMax } from "./scale";

const WIDTH = 480;
const HEIGHT = 220;
const LEFT = 34;
const RIGHT = 6;
const TOP = 18;
const BOTTOM = 26;

/**
 * Vertical columns over a category axis (months, rating steps) with round-number gridlines. Values are
 * whole counts; a column's value is written above it when it is not zero.
 */
export function ColumnChart({ title, description, bars }: { title: string; description: string; bars: ChartBar[] }) {
	const id = useId();
	const top = niceMax(Math.max(...bars.map((bar) => bar.value), 0));
	const plotHeight = HEIGHT - TOP - BOTTOM;
	const slot = (WIDTH - LEFT - RIGHT) / Math.max(bars.length, 1);
	const width = Math.min(slot * 0.7, 40);
	const yOf = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
	return (
		<svg
			viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
			role="img"
			aria-labelledby={`${id}-title`}
			aria-describedby={`${id}-desc`}
			className="column-chart h-auto w-full max-w-xl text-ink"
			fontSize={11}
		>
			<title id={`${id}-title`}>{title}</title>
			<desc id={`${id}-desc`}>{description}</desc>
			{axisTicks(top).map((tick) => (
				<g key={tick}>
					<line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(tick)} y2={yOf(tick)} className="stroke-line" />
					<text x={LEFT - 6} y={yOf(tick)} dominantBaseline="middle" textAnchor="end" className="fill-muted">
						{tick}
					</text>
				</g>
			))}
			{bars.map((bar, i) => {
				const centre = LEFT + slot * i + slot / 2;
				const length = barLength(bar.value, top, plotHeight);
				return (
					<g key={bar.key} className="chart-bar">
						<title>{`${bar.fullLabel ?? bar.label}: ${bar.valueLabel}`}</title>
						<rect
							x={centre - width / 2}
							y={TOP + plotHeight - length}
							width={width}
							height={length}
							rx={2}
							className="fill-accent"
						/>
						{bar.value > 0 ? (
							<text x={centre} y={TOP + plotHeight - length - 4} textAnchor="middle" className="fill-current">
								{bar.value}
							</text>
						) : null}
						<text x={centre} y={HEIGHT - 8} textAnchor="middle" className="fill-muted">
							{bar.label}
						</text>
					</g>
				);
			})}
		</svg>
	);
}
