import { useCallback, useEffect, useState } from 'react';
import { api, type RectificationJson, type SessionUser } from '../api.ts';
import { useT } from '../i18n.ts';
import { NotesList } from '../parts/notes-list.tsx';
import { RECTIFICATION_ACTION_ROLES } from '../roles.ts';
import { useTimeFormat } from '../time-format.ts';
import type { Rate, RectificationRates } from '../../../../warehouse/read-models/rectification-rates.ts';

/** The actions the server accepts from each status (besides a note, always allowed). */
const NEXT: Record<string, string[]> = {
  open: ['assign', 'start', 'fix'],
  in_progress: ['assign', 'fix'],
  fixed: ['assign', 'follow_up'],
  followed_up: ['close'],
  closed: [],
};

function RateCell({ label, rate }: { label: string; rate: Rate }) {
  const { t } = useT();
  return (
    <div className="figure">
      <div className="value">{rate.suppressed || rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%`}</div>
      <div className="label">{label}</div>
      <div className="muted small">{rate.suppressed ? t.suppressed : `${rate.numerator ?? 0} / ${rate.denominator}`}</div>
    </div>
  );
}

export function RectificationPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  const time = useTimeFormat();
  const [items, setItems] = useState<RectificationJson[]>([]);
  const [rates, setRates] = useState<RectificationRates | null>(null);
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const canAct = RECTIFICATION_ACTION_ROLES.includes(user.role);

  const load = useCallback(() => {
    Promise.all([api.rectifications(), api.rectificationRates()])
      .then(([list, r]) => {
        setItems(list.rectifications);
        setRates(r);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const act = (item: RectificationJson, action: string) => {
    const key = `${item.community_id}/${item.id}`;
    const text = inputs[key] ?? '';
    api
      .rectificationAction(item, action, action === 'assign' ? { owner: text } : { note: text })
      .then(() => {
        setInputs({ ...inputs, [key]: '' });
        setError('');
        load();
      })
      .catch((e: Error) => setError(e.message));
  };

  return (
    <section className="card">
      <div className="card-head">
        <h2>{t.rectification}</h2>
        {rates && (
          <span className="muted small">
            {t.period}: {rates.period.from} – {rates.period.to}
          </span>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {rates && (
        <div className="figures">
          <RateCell label={t.badRate} rate={rates.bad_rate} />
          <RateCell label={t.fixedOnTime} rate={rates.fixed_on_time} />
          <RateCell label={t.followUpRate} rate={rates.follow_up} />
          <div className="figure">
            <div className="value">{rates.overdue}</div>
            <div className="label">{t.overdueCount}</div>
          </div>
        </div>
      )}
      {items.length === 0 && <p className="empty">{t.noData}</p>}
      <ul className="alerts">
        {items.map((item) => {
          const key = `${item.community_id}/${item.id}`;
          const next = canAct ? [...(NEXT[item.status] ?? []), 'note'] : [];
          return (
            <li key={key} className={`alert ${item.overdue ? 'grade-red' : ''}`} data-status={item.status}>
              <div className="alert-head">
                {item.overdue && <span className="badge grade-red">{t.overdue}</span>}
                <strong>
                  {t.ratingLevels[item.rating]} · {item.origin_title}
                </strong>
                {/* A 差评 given again after a re-rating closed the item before: the same origin's next round. */}
                {item.round > 1 && <span className="badge">{t.rectRound(item.round)}</span>}
                <span className="status">
                  {t.rectStatus[item.status]}
                  {item.closed_reason === 're-rated' && ` · ${t.rectClosedReRated}`}
                </span>
              </div>
              {item.origin_excerpt && <p className="excerpt">{item.origin_excerpt}</p>}
              <div className="muted small">
                {item.community_id} · {t.ratedAt} {time.dateTime(item.rated_at)} · {t.dueAt} {time.dateTime(item.due_at)} · {t.owner}: {item.owner ?? '—'}
              </div>
              {item.notes.length > 0 && (
                <NotesList notes={item.notes} />
              )}
              {next.length > 0 && (
                <div className="actions">
                  <input placeholder={`${t.owner} / ${t.rectNote}`} value={inputs[key] ?? ''} onChange={(e) => setInputs({ ...inputs, [key]: e.target.value })} />
                  {next.map((action) => (
                    <button key={action} onClick={() => act(item, action)}>
                      {t.rectActions[action]}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
