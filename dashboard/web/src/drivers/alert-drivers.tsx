import { useT } from '../i18n.ts';
import { useTimeFormat } from '../time-format.ts';
import { DriverValues } from './driver-values.tsx';
import { readSpikeDrivers, safeHref, type SpikeDrivers, type SpikeMention } from './spike-drivers.ts';

/** Mentions listed at once; the rest fold away so one alert does not fill the screen. */
const SHOWN_MENTIONS = 5;

/** Why an alert fired, readable in one glance: a dedicated view for known rules, key: value for the rest. */
export function AlertDrivers({ drivers }: { drivers: Record<string, unknown> }) {
  const parsed = readSpikeDrivers(drivers);
  return (
    <div className="drivers">
      {parsed && <SpikeView spike={parsed.spike} />}
      <DriverValues values={parsed ? parsed.rest : drivers} />
    </div>
  );
}

function SpikeView({ spike }: { spike: SpikeDrivers }) {
  const { t, lang } = useT();
  const time = useTimeFormat();
  const number = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const rhythm =
    spike.same_time_yesterday !== null || spike.same_time_last_week !== null
      ? t.rhythm(String(spike.same_time_yesterday ?? '—'), String(spike.same_time_last_week ?? '—'))
      : '';
  const shown = spike.mentions.slice(0, SHOWN_MENTIONS);
  const folded = spike.mentions.slice(SHOWN_MENTIONS);
  return (
    <>
      <p className="driver-summary">
        <strong>{t.spikeSummary(spike.count, spike.window.minutes, spike.baseline.expected.toFixed(1), spike.baseline.z.toFixed(1))}</strong>
        {spike.window.from && spike.window.to && (
          <span className="muted small">
            {' '}
            {t.window} {time.clock(spike.window.from)}–{time.clock(spike.window.to)}
          </span>
        )}
      </p>
      {rhythm && <p className="muted small rhythm">{rhythm}</p>}
      <dl className="driver-values">
        {spike.top_terms.length > 0 && (
          <div>
            <dt>{t.terms}</dt>
            <dd className="terms">
              {spike.top_terms.map((term) => (
                <span key={term} className="term">
                  {term}
                </span>
              ))}
            </dd>
          </div>
        )}
        {spike.sources.length > 0 && (
          <div>
            <dt>{t.sources}</dt>
            <dd>{spike.sources.join(' · ')}</dd>
          </div>
        )}
        {spike.clauses.length > 0 && (
          <div>
            <dt>{t.clauses}</dt>
            <dd>{spike.clauses.join(' · ')}</dd>
          </div>
        )}
        {spike.reach !== null && (
          <div>
            <dt>{t.reach}</dt>
            <dd>{number.format(spike.reach)}</dd>
          </div>
        )}
      </dl>
      {shown.length > 0 && (
        <div className="driving-mentions">
          <div className="muted small">{t.drivingMentions}</div>
          <MentionList mentions={shown} />
          {folded.length > 0 && (
            <details>
              <summary className="small">+{folded.length}</summary>
              <MentionList mentions={folded} />
            </details>
          )}
        </div>
      )}
    </>
  );
}

function MentionList({ mentions }: { mentions: SpikeMention[] }) {
  const { t } = useT();
  return (
    <ul className="mention-links small">
      {mentions.map((m) => {
        const href = safeHref(m.url);
        return (
          <li key={m.id}>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {m.title}
              </a>
            ) : (
              <span>{m.title}</span>
            )}
            <span className="muted">
              {m.source && ` · ${m.source}`}
              {m.score !== null && ` · ${t.score} ${m.score.toFixed(2)}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
