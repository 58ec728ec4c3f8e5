/**
 * Small SVG charts for the evidence (no chart library: they sit in the details panel and on the wall): a weekly
 * series over the trend window with values below the LOQ drawn hollow at their limit, measured ones filled, and a
 * dashed mark where a plant joined or left; and weekly counts of an enforcement measure.
 */
import { OKABE_ITO } from 'domain/palette';

const stepOfWeek = (from: string, week: string) => Math.round((Date.parse(week) - Date.parse(from)) / (7 * 86400e3));

export function WeeklyChart(props: {
  from: string;
  weeks: number;
  points: { week: string; lo: number; hi: number }[];
  marks?: { week: string; kind: 'joined' | 'left' }[];
  label: string;
  color?: string;
  width?: number;
  height?: number;
}) {
  // The text's colour by default: dark in the details panel, light on the wall's dark theme.
  const { from, weeks, points, marks = [], label, color = 'currentColor', width = 260, height = 56 } = props;
  if (!points.length) return null;
  const max = Math.max(...points.map((p) => p.hi)) || 1;
  const x = (week: string) => 4 + (stepOfWeek(from, week) / Math.max(1, weeks - 1)) * (width - 8);
  const y = (v: number) => height - 4 - (v / max) * (height - 10);
  const measured = points.filter((p) => p.hi - p.lo <= p.hi / 2);
  return (
    <svg className="ev-chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} data-points={points.length}>
      <line x1="0" x2={width} y1={height - 4} y2={height - 4} stroke="#b0bec5" strokeWidth="1" />
      {marks.map((m) => (
        <line key={`${m.kind}${m.week}`} className={`ev-mark ev-${m.kind}`} x1={x(m.week)} x2={x(m.week)} y1="2" y2={height - 4} stroke={OKABE_ITO.reddishPurple} strokeWidth="1.5" strokeDasharray="3 2" />
      ))}
      {measured.length > 1 && <polyline points={measured.map((p) => `${x(p.week).toFixed(1)},${y((p.lo + p.hi) / 2).toFixed(1)}`).join(' ')} fill="none" stroke={color} strokeWidth="1.5" />}
      {points.map((p) =>
        p.hi - p.lo > p.hi / 2 ? (
          <circle key={p.week} className="ev-censored" cx={x(p.week)} cy={y(p.hi)} r="2.6" fill="#ffffff" stroke="#757575" strokeWidth="1.2" />
        ) : (
          <circle key={p.week} cx={x(p.week)} cy={y((p.lo + p.hi) / 2)} r="2" fill={color} />
        ),
      )}
    </svg>
  );
}

export function CountsChart({ counts, label, width = 200, height = 36 }: { counts: number[]; label: string; width?: number; height?: number }) {
  if (counts.length < 2) return null;
  const max = Math.max(...counts) || 1;
  const bar = width / counts.length;
  return (
    <svg className="ev-chart" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label}>
      {counts.map((c, i) => (
        <rect key={i} x={i * bar + 0.5} width={Math.max(1, bar - 1)} y={height - (c / max) * (height - 2)} height={(c / max) * (height - 2)} fill={OKABE_ITO.blue} />
      ))}
    </svg>
  );
}
