import { ResponsiveLine } from '@nivo/line';
import type { SatisfactionTrend } from '../../../warehouse/read-models/satisfaction-trend.ts';
import { useT } from './i18n.ts';

interface Point {
  x: string;
  y: number | null;
  ci: string;
}

/** One line per clause; suppressed months are gaps, never zeros. */
export function TrendChart({ trend }: { trend: SatisfactionTrend }) {
  const { lang, t } = useT();
  const months = [...new Set(trend.series.flatMap((s) => s.points.map((p) => p.month)))].sort();
  if (months.length === 0) return <p className="empty">{t.noData}</p>;
  const data = trend.series.map((series) => {
    const byMonth = new Map(series.points.map((p) => [p.month, p]));
    return {
      id: `${series.clause_id} ${lang === 'zh' ? series.title_zh : series.title_en}`,
      data: months.map((month): Point => {
        const p = byMonth.get(month);
        if (!p || p.suppressed) return { x: month, y: null, ci: '' };
        const ci = p.ci_low === null || p.ci_high === null ? '' : ` (95% CI ${p.ci_low.toFixed(1)}–${p.ci_high.toFixed(1)}, n=${p.n})`;
        return { x: month, y: Number(p.mean.toFixed(1)), ci };
      }),
    };
  });
  return (
    <div className="chart" role="img" aria-label={t.trendTitle}>
      <ResponsiveLine
        data={data}
        margin={{ top: 16, right: 190, bottom: 40, left: 48 }}
        xScale={{ type: 'point' }}
        yScale={{ type: 'linear', min: 0, max: 100 }}
        axisBottom={{ tickSize: 4, tickPadding: 6 }}
        axisLeft={{ tickSize: 4, tickPadding: 6, tickValues: [0, 20, 40, 60, 80, 100] }}
        colors={{ scheme: 'category10' }}
        pointSize={7}
        useMesh
        tooltip={({ point }) => (
          <div className="tooltip">
            <strong>{point.seriesId}</strong>
            <br />
            {String(point.data.x)}: {String(point.data.y)}
            {(point.data as unknown as Point).ci}
          </div>
        )}
        legends={[
          {
            anchor: 'right',
            direction: 'column',
            translateX: 180,
            itemWidth: 170,
            itemHeight: 20,
            symbolSize: 10,
          },
        ]}
      />
    </div>
  );
}
