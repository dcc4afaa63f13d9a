import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useT } from '../i18n.ts';
import type { ComparedCell, ShareChange, IndexChange, SurveyComparison } from '../../../../pipeline/metrics/survey-comparison.ts';
import type { CellFigures, SurveyMetrics } from '../../../../pipeline/metrics/survey-metrics.ts';
import type { SurveyListItem } from '../../../routes/survey-routes.ts';

const one = (value: number) => value.toFixed(1);
const signed = (value: number) => `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
const interval = (ci: [number, number] | null) => (ci ? ` [${one(ci[0])}, ${one(ci[1])}]` : '');

/** The figures of one cell, or the suppression mark with no figures at all. */
function Figures({ cell }: { cell: CellFigures }) {
  const { t } = useT();
  if (cell.suppressed) {
    return (
      <td className="suppressed muted" colSpan={4}>
        {cell.no_answers ? t.noAnswers : cell.protects_smaller_cell ? t.suppressedProtects : t.suppressed}
      </td>
    );
  }
  return (
    <>
      <td className="n">{cell.n}</td>
      {/* For an NPS item the interval belongs to the NPS (adjusted Wald), not to the mean. */}
      <td className="index">{cell.kind === 'nps' ? one(cell.index) : `${one(cell.index)}${interval(cell.ci)}`}</td>
      <td className="satisfied">{cell.kind === 'nps' ? '—' : `${one(cell.pct_satisfied)}%`}</td>
      <td className="nps">{cell.kind === 'nps' ? `${one(cell.nps)}${interval(cell.ci)}` : '—'}</td>
    </>
  );
}

function Change({ label, change }: { label: string; change: IndexChange | ShareChange | undefined }) {
  const { t } = useT();
  if (!change) return null;
  const significant = change.verdict === 'significant';
  return (
    <div className={significant ? 'change significant' : 'change noise'}>
      {label} {signed(change.difference)} · <strong>{significant ? t.significant : t.withinNoise}</strong> <span className="muted small">(p = {change.p.toFixed(3)})</span>
    </div>
  );
}

function MetricsTable({ metrics }: { metrics: SurveyMetrics }) {
  const { t } = useT();
  const grouped = metrics.by !== null;
  return (
    <table className="survey-table">
      <thead>
        <tr>
          <th>{t.question}</th>
          {grouped && <th>{t.segment}</th>}
          <th>{t.sampleN}</th>
          <th>{t.indexCi}</th>
          <th>{t.pctSatisfied}</th>
          <th>{t.npsCi}</th>
        </tr>
      </thead>
      <tbody>
        {metrics.cells.map((cell) => (
          <tr key={`${cell.question}/${cell.segment ?? ''}`} data-question={cell.question} data-suppressed={cell.suppressed}>
            <td>
              {cell.question}
              {cell.clause && <span className="muted small"> · {cell.clause}</span>}
              {cell.label && <div className="small">{cell.label}</div>}
            </td>
            {grouped && <td>{cell.segment ?? '—'}</td>}
            <Figures cell={cell} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComparisonTable({ comparison }: { comparison: SurveyComparison }) {
  const { t } = useT();
  const grouped = comparison.by !== null;
  const head = (
    <>
      <th>{t.sampleN}</th>
      <th>{t.indexCi}</th>
      <th>{t.pctSatisfied}</th>
      <th>{t.npsCi}</th>
    </>
  );
  return (
    <table className="survey-table">
      <thead>
        <tr>
          <th rowSpan={2}>{t.question}</th>
          {grouped && <th rowSpan={2}>{t.segment}</th>}
          <th colSpan={4}>
            {t.current} {comparison.period.from} – {comparison.period.to}
          </th>
          <th colSpan={4}>
            {t.baselinePeriod} {comparison.baseline.from} – {comparison.baseline.to}
          </th>
          <th rowSpan={2}>{t.change}</th>
        </tr>
        <tr>
          {head}
          {head}
        </tr>
      </thead>
      <tbody>
        {comparison.cells.map((cell: ComparedCell) => (
          <tr key={`${cell.question}/${cell.segment ?? ''}`} data-question={cell.question}>
            <td>
              {cell.question}
              {cell.clause && <span className="muted small"> · {cell.clause}</span>}
              {cell.label && <div className="small">{cell.label}</div>}
            </td>
            {grouped && <td>{cell.segment ?? '—'}</td>}
            <Figures cell={cell.current} />
            <Figures cell={cell.baseline} />
            <td className="changes">
              <Change label={t.indexPoints} change={cell.index_change} />
              <Change label={t.satisfiedPoints} change={cell.satisfied_change} />
              <Change label={t.npsPoints} change={cell.nps_change} />
              {!cell.index_change && !cell.satisfied_change && !cell.nps_change && <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Months covered by a period label the server lists (2024, 2024-Q1 or 2024-03), as 'YYYY-MM'. */
function monthsOf(label: string): string[] {
  const [year, part] = label.split('-');
  if (part === undefined) return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  if (part.startsWith('Q')) return [1, 2, 3].map((i) => `${year}-${String((Number(part.slice(1)) - 1) * 3 + i).padStart(2, '0')}`);
  return [label];
}

/** Whether two listed periods share a month: the server refuses such a baseline, so it is not offered. */
function overlaps(a: string, b: string): boolean {
  const months = new Set(monthsOf(a));
  return monthsOf(b).some((m) => months.has(m));
}

/** Leaders' and experts' view of an instrument: per question figures for a period, and what changed against a baseline. */
export function SurveysPage() {
  const { t } = useT();
  const [surveys, setSurveys] = useState<SurveyListItem[] | null>(null);
  const [minCell, setMinCell] = useState(5);
  const [choice, setChoice] = useState({ id: '', period: '', compare: '', by: '' });
  const [data, setData] = useState<{ metrics?: SurveyMetrics; comparison?: SurveyComparison } | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api
      .surveys()
      .then((list) => {
        setSurveys(list.surveys);
        setMinCell(list.min_cell);
        const first = list.surveys[0];
        if (first) setChoice((c) => ({ ...c, id: first.id }));
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    if (!choice.id) return;
    // A baseline alone is no comparison: the server asks for both.
    const query = { period: choice.period, by: choice.by, compare: choice.period ? choice.compare : '' };
    api
      .surveyMetrics(choice.id, query)
      .then((result) => {
        setData(result);
        setError('');
      })
      .catch((e: Error) => setError(e.message));
  }, [choice]);

  if (!surveys) return error ? <p className="error">{error}</p> : null;
  const survey = surveys.find((s) => s.id === choice.id);
  const periods = survey ? [...survey.periods.years, ...survey.periods.quarters, ...survey.periods.months] : [];
  const periodOption = (p: (typeof periods)[number]) => (
    <option key={p.label} value={p.label}>
      {p.label} ({p.responses})
    </option>
  );
  const set = (key: keyof typeof choice) => (e: { target: { value: string } }) => setChoice({ ...choice, [key]: e.target.value });

  return (
    <section className="card surveys">
      <div className="card-head">
        <h2>{t.surveyTitle}</h2>
      </div>
      {surveys.length === 0 && <p className="empty">{t.noData}</p>}
      {survey && (
        <div className="filters">
          <label>
            {t.instrument}{' '}
            <select name="instrument" value={choice.id} onChange={(e) => setChoice({ id: e.target.value, period: '', compare: '', by: '' })}>
              {surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({t.responsesIn(s.responses)})
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t.period}{' '}
            <select
              name="period"
              value={choice.period}
              onChange={(e) => setChoice({ ...choice, period: e.target.value, compare: choice.compare && e.target.value && overlaps(choice.compare, e.target.value) ? '' : choice.compare })}
            >
              <option value="">{t.allTime}</option>
              {periods.map(periodOption)}
            </select>
          </label>{' '}
          <label>
            {t.compareWith}{' '}
            <select name="compare" value={choice.compare} onChange={set('compare')} disabled={!choice.period}>
              <option value="">{t.noCompare}</option>
              {periods.filter((p) => !choice.period || !overlaps(p.label, choice.period)).map(periodOption)}
            </select>
          </label>{' '}
          <label>
            {t.bySegment}{' '}
            <select name="by" value={choice.by} onChange={set('by')}>
              <option value="">{t.noSegment}</option>
              {survey.segments.map((segment) => (
                <option key={segment} value={segment}>
                  {segment}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {error && <p className="error">{error}</p>}
      {data?.comparison && <ComparisonTable comparison={data.comparison} />}
      {data?.metrics && <MetricsTable metrics={data.metrics} />}
      <p className="muted small">{t.surveyNote(minCell)}</p>
    </section>
  );
}
