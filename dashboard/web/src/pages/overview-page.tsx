import { useEffect, useState } from 'react';
import { api, type Overview, type OverviewFilter } from '../api.ts';
import { GainCard } from '../parts/gain-card.tsx';
import { useT } from '../i18n.ts';
import { TrendChart } from '../trend-chart.tsx';

const GRADES = ['red', 'orange', 'yellow', 'blue'] as const;
const LABELS = ['negative', 'neutral', 'positive', 'unscored'] as const;

function percent(value: number | null): string | null {
  return value === null ? null : `${(value * 100).toFixed(1)}%`;
}

function hours(value: number | null): string | null {
  return value === null ? null : value.toFixed(1);
}

/** "8.1.2 一站式服务 负面 9 / 14 条（64.3%） · 净情感 -0.50": what the mood is about, for leaders. */
function MentionClauseList({ data }: { data: Overview }) {
  const { t, lang } = useT();
  const rows = data.mention_clauses.rows;
  if (rows.length === 0) return null;
  // Clauses under the minimum sample have no figures: one line for all of them, not a row of dashes each.
  const suppressed = rows.filter((row) => row.suppressed && !row.protects_smaller_cell);
  // Large enough, but withheld so that all communities' figures less this one's cannot give a smaller one's.
  const protecting = rows.filter((row) => row.suppressed && row.protects_smaller_cell);
  return (
    <>
      <h3>{t.mentionClauses}</h3>
      <ul className="mention-clauses">
        {rows.map(
          (row) =>
            !row.suppressed && (
              <li key={row.clause_id} className="mention-clause">
                <span className="clause">
                  {row.clause_id} {lang === 'zh' ? row.title_zh : row.title_en}
                </span>{' '}
                <span className={row.negative > 0 ? 'negative-count' : undefined}>{t.mentionClauseLine(row.negative, row.n, percent(row.negative_share) ?? '')}</span>
                {` · ${t.netSentiment} ${row.net_sentiment.toFixed(2)}`}
              </li>
            ),
        )}
      </ul>
      {suppressed.length > 0 && (
        <p className="muted small" title={suppressed.map((row) => `${row.clause_id} ${lang === 'zh' ? row.title_zh : row.title_en}`).join('\n')}>
          {t.mentionClausesSuppressed(suppressed.length, data.mention_clauses.min_cell)}
        </p>
      )}
      {protecting.length > 0 && (
        <p className="muted small" title={protecting.map((row) => `${row.clause_id} ${lang === 'zh' ? row.title_zh : row.title_en}`).join('\n')}>
          {t.suppressedProtects}: {protecting.map((row) => row.clause_id).join(', ')}
        </p>
      )}
      <p className="muted small">{t.mentionClausesNote}</p>
    </>
  );
}

/** Overview for leaders and experts; `canExport` adds a link to the scorecard of the community and period shown. */
export function OverviewPage({ canExport = false }: { canExport?: boolean }) {
  const { t, lang } = useT();
  const [data, setData] = useState<Overview | null>(null);
  const [filter, setFilter] = useState<OverviewFilter>({});
  const [error, setError] = useState('');

  useEffect(() => {
    setError('');
    api
      .overview(filter)
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [filter]);

  if (!data) return error ? <p className="error">{error}</p> : null;
  const h = data.hotline;
  const figure = (label: string, value: string | number | null) => (
    <div className="figure">
      <div className="value">{value ?? <span className="muted" title={t.suppressed}>—</span>}</div>
      <div className="label">{label}</div>
    </div>
  );

  return (
    <div className="overview">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.community}
          <select name="community" value={data.community_id ?? ''} onChange={(e) => setFilter({ ...filter, community: e.target.value })}>
            <option value="">{t.allCommunities}</option>
            {data.communities.map((c) => (
              <option key={c.id} value={c.id}>
                {lang === 'zh' ? c.name_zh : c.name_en}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.from}
          <input type="date" name="from" value={data.period.from} max={data.period.to} onChange={(e) => e.target.value && setFilter({ ...filter, from: e.target.value })} />
        </label>
        <label>
          {t.to}
          <input type="date" name="to" value={data.period.to} min={data.period.from} onChange={(e) => e.target.value && setFilter({ ...filter, to: e.target.value })} />
        </label>
        {canExport && (
          <a className="export-selection" href={`/api/export/scorecard.csv?${new URLSearchParams({ from: data.period.from, to: data.period.to, ...(data.community_id ? { community: data.community_id } : {}) }).toString()}`} download>
            {t.exportSelection}
          </a>
        )}
      </form>
      {error && <p className="error">{error}</p>}
      <GainCard data={data} />
      <section className="card">
        <h2>{t.trendTitle}</h2>
        <TrendChart trend={data.trend} />
        <p className="muted small">{t.trendNote}</p>
      </section>
      <section className="card">
        <h2>{t.hotline}</h2>
        <div className="figures">
          {figure(t.opened, h.opened)}
          {figure(t.closed, h.closed)}
          {figure(t.onTime, percent(h.on_time_rate))}
          {figure(t.satisfied, percent(h.satisfied_rate))}
          {figure(t.median, hours(h.median_resolution_hours))}
          {figure(t.p90, hours(h.p90_resolution_hours))}
        </div>
        {h.suppressed.length > 0 && <p className="muted small">{h.protects_smaller_cell.length > 0 ? t.suppressedProtects : t.suppressed}</p>}
      </section>
      <div className="columns">
        <section className="card">
          <h2>{t.openAlerts}</h2>
          <div className="figures">
            {GRADES.map((g) => (
              <div key={g} className={`figure grade-${g}`}>
                <div className="value">{data.alerts[g]}</div>
                <div className="label">{t[g]}</div>
              </div>
            ))}
          </div>
        </section>
        <section className="card">
          <h2>{t.mentionCounts}</h2>
          <div className="figures">
            {LABELS.map((l) => (
              <div key={l} className={`figure label-${l}`}>
                <div className="value">{data.mentions[l]}</div>
                <div className="label">{t[l]}</div>
              </div>
            ))}
          </div>
          <MentionClauseList data={data} />
        </section>
      </div>
    </div>
  );
}
