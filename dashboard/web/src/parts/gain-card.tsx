import type { Overview } from '../api.ts';
import { useT } from '../i18n.ts';
import type { GainComponent, GainIndex, GainPart } from '../../../../warehouse/read-models/gain-index.ts';

const PARTS: readonly GainPart[] = ['survey', 'hotline', 'sentiment'];

function figure(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

function componentValue(c: GainComponent, t: ReturnType<typeof useT>['t']) {
  if (c && !c.suppressed) return c.value.toFixed(1);
  // Say why a part is missing: too few people, or a larger community withheld to protect a smaller one.
  return c ? <span title={c.protects_smaller_cell ? t.suppressedProtects : t.suppressed}>—</span> : '—';
}

/** 获得感 for the chosen community (or all) over the period, then each community and each month. */
export function GainCard({ data }: { data: Overview }) {
  const { t, lang } = useT();
  const gain = data.gain;
  const chosen: GainIndex = (data.community_id && gain.communities.find((c) => c.community_id === data.community_id)) || gain.all;
  const partLabel: Record<GainPart, string> = { survey: t.gainSurvey, hotline: t.gainHotline, sentiment: t.gainSentiment };
  const name = (id: string) => {
    const c = data.communities.find((x) => x.id === id);
    return c ? (lang === 'zh' ? c.name_zh : c.name_en) : id;
  };
  const row = (key: string, label: string, g: GainIndex) => (
    <tr key={key}>
      <td>{label}</td>
      <td>
        <strong>{figure(g.index)}</strong>
        {g.partial && <span title={t.gainPartial}> *</span>}
      </td>
      {PARTS.map((p) => (
        <td key={p}>{componentValue(g.components[p], t)}</td>
      ))}
    </tr>
  );
  const head = (first: string) => (
    <thead>
      <tr>
        <th>{first}</th>
        <th>{t.gainTitle}</th>
        {PARTS.map((p) => (
          <th key={p}>{partLabel[p]}</th>
        ))}
      </tr>
    </thead>
  );

  return (
    <section className="card gain" data-testid="gain">
      <h2>{t.gainTitle}</h2>
      <div className="figures">
        <div className="figure">
          <div className="headline" data-testid="gain-index">
            {chosen.index === null ? <span className="muted" title={t.suppressed}>—</span> : chosen.index.toFixed(1)}
          </div>
          <div className="label">{data.community_id ? name(data.community_id) : t.allCommunities}</div>
        </div>
        {PARTS.map((p) => (
          <div key={p} className="figure">
            <div className="value">{componentValue(chosen.components[p], t)}</div>
            <div className="label">
              {partLabel[p]} · {t.weight} {(chosen.weights[p] * 100).toFixed(0)}%
            </div>
          </div>
        ))}
      </div>
      {chosen.partial && <p className="muted small">{t.gainPartial}</p>}
      <p className="muted small">{t.gainNote}</p>
      {gain.communities.length > 1 && (
        <table className="figures-table">
          {head(t.gainByCommunity)}
          <tbody>{gain.communities.map((c) => row(c.community_id, name(c.community_id), c))}</tbody>
        </table>
      )}
      {gain.months.length > 0 && (
        <table className="figures-table">
          {head(t.gainByMonth)}
          <tbody>{gain.months.map((m) => row(m.month, m.month, m))}</tbody>
        </table>
      )}
    </section>
  );
}
