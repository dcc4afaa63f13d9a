import { useEffect, useState } from 'react';
import type { SentimentLabel } from '../../../../warehouse/schema.ts';
import { api, type MentionsJson } from '../api.ts';
import { useT } from '../i18n.ts';
import { useTimeFormat } from '../time-format.ts';

const FILTERS: Array<SentimentLabel | ''> = ['', 'negative', 'neutral', 'positive', 'unscored'];

export function MentionsPage() {
  const { t, lang } = useT();
  const time = useTimeFormat();
  const [label, setLabel] = useState<SentimentLabel | ''>('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MentionsJson | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api
      .mentions(label, page)
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, [label, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.page_size)) : 1;
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t.mentions}</h2>
        <span className="muted small">
          {t.timeZone}: {time.timeZone}
        </span>
      </div>
      <div className="filters">
        {FILTERS.map((f) => (
          <button
            key={f || 'all'}
            className={f === label ? 'chip active' : 'chip'}
            onClick={() => {
              setLabel(f);
              setPage(1);
            }}
          >
            {f ? t[f] : t.all}
          </button>
        ))}
      </div>
      {error && <p className="error">{error}</p>}
      {data && data.items.length === 0 && <p className="empty">{t.noData}</p>}
      <ul className="mentions">
        {data?.items.map((m) => (
          <li key={`${m.community_id}/${m.id}`} className="mention">
            <div className="mention-head">
              <span className={`badge label-${m.label}`}>{t[m.label]}</span>
              <a href={m.url} target="_blank" rel="noreferrer noopener">
                {m.title}
              </a>
            </div>
            <p className="excerpt">{m.excerpt}</p>
            <div className="muted small">
              {time.dateTime(m.published_at)} · {m.source_id}
              {m.score !== null && ` · ${t.score} ${m.score.toFixed(2)}${m.stale ? ` (${t.staleScore})` : ''}`}
              {m.clauses.length > 0 && ` · ${t.clauses} ${m.clauses.map((c) => `${c.clause_id} ${lang === 'zh' ? c.title_zh : c.title_en}`).join(lang === 'zh' ? '、' : ', ')}`}
            </div>
            {m.terms.length > 0 && (
              <div className="terms">
                {m.terms.map((term) => (
                  <span key={term} className="term">
                    {term}
                  </span>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="pager">
        <button disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t.prev}
        </button>
        <span>
          {page} / {pages}
        </span>
        <button disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t.next}
        </button>
      </div>
    </section>
  );
}
