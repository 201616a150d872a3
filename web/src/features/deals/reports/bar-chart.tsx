// A plain SVG bar chart: one horizontal bar per row, its value at the end. Rows without a value
// (suppressed cells) keep their line with a note instead of a bar, so nothing is silently left out.
export interface Bar {
  key: string;
  label: string;
  /** null: no bar (e.g. suppressed); `note` says why. */
  value: number | null;
  display: string;
  note?: string;
}

const ROW = 28;
const LABEL_W = 170;
const VALUE_W = 130;

export function BarChart({
  title,
  bars,
  width = 720,
}: {
  title: string;
  bars: readonly Bar[];
  width?: number;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const track = width - LABEL_W - VALUE_W;
  const height = bars.length * ROW + 8;
  return (
    <svg
      className="deal-chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      <line className="deal-chart__axis" x1={LABEL_W} x2={LABEL_W} y1={0} y2={height} />
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const w = b.value === null ? 0 : Math.max(2, (b.value / max) * track);
        return (
          <g key={b.key} data-key={b.key}>
            <text x={LABEL_W - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
              {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
            </text>
            {b.value === null ? (
              <text
                x={LABEL_W + 8}
                y={y + ROW / 2}
                dominantBaseline="middle"
                className="deal-chart__note"
              >
                {b.note ?? '—'}
              </text>
            ) : (
              <>
                <rect
                  className="deal-chart__bar"
                  x={LABEL_W}
                  y={y + 4}
                  width={w}
                  height={ROW - 10}
                  rx={3}
                />
                <text x={LABEL_W + w + 8} y={y + ROW / 2} dominantBaseline="middle">
                  {b.display}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
