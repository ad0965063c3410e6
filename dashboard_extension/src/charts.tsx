// Small SVG charts (no chart library: the page's bundle stays small).
import { Box, Text } from "@saleor/macaw-ui";

const WIDTH = 320;
const HEIGHT = 90;
const PAD = 6;

export type Point = { x: string; y: number | null };

/** Polyline coordinates of the known points; gaps (null) break nothing, they are skipped. */
export function linePoints(points: Point[], width = WIDTH, height = HEIGHT): string {
  const known = points.map((p) => p.y).filter((y): y is number => y !== null);
  if (!known.length) return "";
  const max = Math.max(...known);
  const min = Math.min(0, ...known);
  const span = max - min || 1;
  const step = points.length > 1 ? (width - 2 * PAD) / (points.length - 1) : 0;
  return points
    .map((p, i) =>
      p.y === null
        ? null
        : `${(PAD + i * step).toFixed(1)},${(height - PAD - ((p.y - min) / span) * (height - 2 * PAD)).toFixed(1)}`,
    )
    .filter(Boolean)
    .join(" ");
}

export function LineChart({ points, title }: { points: Point[]; title: string }) {
  const line = linePoints(points);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={title}
      data-testid="line-chart"
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} stroke="#ccc" />
      {line && <polyline points={line} fill="none" stroke="#2563eb" strokeWidth={2} />}
      {line.split(" ").filter(Boolean).map((xy) => {
        const [cx, cy] = xy.split(",");
        return <circle key={xy} cx={cx} cy={cy} r={2.5} fill="#2563eb" />;
      })}
    </svg>
  );
}

export function BarChart({ bars }: { bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <Box display="flex" flexDirection="column" gap={2} data-testid="bar-chart">
      {bars.map((bar) => (
        <Box key={bar.label} display="grid" gridTemplateColumns={2} gap={2} alignItems="center">
          <Text size={2}>{bar.label}</Text>
          <svg viewBox="0 0 200 14" width="100%" height={14} role="img" aria-label={`${bar.label}: ${bar.value}`}>
            <rect x={0} y={1} width={(bar.value / max) * 170} height={12} rx={2} fill="#f97316" />
            <text x={(bar.value / max) * 170 + 4} y={11} fontSize={10} fill="currentColor">
              {bar.value}
            </text>
          </svg>
        </Box>
      ))}
    </Box>
  );
}
