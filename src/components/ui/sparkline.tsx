/** A tiny inline bar chart (no chart library), e.g. hourly deviations over 24 h. */
export function Sparkline({ values, label, width = 96, height = 20 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const n = Math.max(1, values.length);
  const w = width / n;
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`}>
      <title>{label}</title>
      {values.map((v, i) => {
        const h = v === 0 ? 1 : Math.max(2, (v / max) * height);
        return <rect key={i} x={i * w + 0.5} y={height - h} width={Math.max(1, w - 1)} height={h} className={v === 0 ? 'spark-zero' : 'spark-bar'} />;
      })}
    </svg>
  );
}
