/** A small inline SVG line: enough for 30 days, no chart library in the first bundle. */
export function Sparkline({ values, label, width = 240, height = 48 }: { values: number[]; label: string; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  const pts = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 4 - ((v - min) / span) * (height - 8)).toFixed(1)}`);
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={label} preserveAspectRatio="none">
      <polyline points={pts.join(' ')} fill="none" stroke="#0072B2" strokeWidth="2" vectorEffect="non-scaling-stroke" />
      <circle cx={pts[pts.length - 1].split(',')[0]} cy={pts[pts.length - 1].split(',')[1]} r="3" fill="#0072B2" />
    </svg>
  );
}
