/**
 * A site's or area's series as a chart: normalised load per week or month, points below the LOQ drawn hollow
 * and grey at their limit (the true value is lower: an upper bound, not a measurement), and the trend line over the
 * trend window (a site's own; an area's the slope combined from its plants).
 * uPlot is imported here only, and this file only through React.lazy, so neither is in the first bundle.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import 'uplot/dist/uPlot.min.css';
import { trendColor } from 'domain/palette';
import type { Series } from './api';

const toTime = (period: string) => Date.parse(period + 'T00:00:00+08:00') / 1000;

export default function SeriesChart({ series, width = 340, height = 200 }: { series: Series; width?: number; height?: number }) {
  const { t } = useTranslation('wastewater');
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let plot: { destroy(): void } | null = null;
    let cancelled = false;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled || !el.current) return;
      const xs = series.points.map((p) => toTime(p.period));
      const measured = series.points.map((p) => (p.censored ? null : p.normalised));
      const censored = series.points.map((p) => (p.censored ? p.normalised : null));
      const line = series.points.map(() => null as number | null);
      const tl = series.trend.line;
      if (tl) {
        const i0 = series.points.findIndex((p) => p.period === tl.from.period);
        const i1 = series.points.findIndex((p) => p.period === tl.to.period);
        if (i0 >= 0) line[i0] = tl.from.value;
        if (i1 >= 0) line[i1] = tl.to.value;
      }
      const colour = trendColor(series.trend.category);
      plot = new UPlot(
        {
          width,
          height,
          legend: { show: true },
          scales: { x: { time: true } },
          axes: [{}, { label: t('chart.unit'), size: 60 }],
          series: [
            {},
            { label: t('chart.load'), stroke: '#333333', width: 1.5, points: { show: true, size: 4, fill: '#333333' } },
            { label: t('chart.belowLoq'), stroke: 'transparent', paths: () => null, points: { show: true, size: 7, stroke: '#757575', fill: '#ffffff', width: 1.5 } },
            { label: t('chart.trendLine'), stroke: colour === '#e0e0e0' ? '#757575' : colour, width: 2.5, dash: [6, 4], spanGaps: true, points: { show: false } },
          ],
        },
        [xs, measured, censored, line],
        el.current,
      );
    });
    return () => {
      cancelled = true;
      plot?.destroy();
    };
  }, [series, width, height, t]);

  return <div ref={el} className="ww-chart" role="img" aria-label={t('chart.aria', { n: series.points.length })} data-points={series.points.length} />;
}
