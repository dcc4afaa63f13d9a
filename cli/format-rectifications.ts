import type { RectificationRates, Rate } from '../warehouse/read-models/rectification-rates.ts';
import type { RectificationListItem } from '../warehouse/read-models/rectifications-list.ts';
import { CLOSED_RE_RATED } from '../warehouse/rectifications/closed-reason.ts';

const rate = (r: Rate) => (r.suppressed || r.rate === null ? `— (base ${r.denominator}${r.suppressed ? ', withheld' : ''})` : `${(r.rate * 100).toFixed(1)}% (${r.numerator}/${r.denominator})`);
const LEVELS = ['', '非常不满意', '不满意'];
// East Asian characters take two columns in a terminal.
const width = (text: string) => [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

/** The rates of a period and the queue (overdue first) as `talentpulse rectifications` prints them. */
export function formatRectifications(rates: RectificationRates, items: readonly RectificationListItem[], timeZone: string, now: Date): string {
  const day = (date: Date | null) => (date === null ? '' : new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date));
  const out = [
    `差评 rectification ${rates.period.from}..${rates.period.to} (${timeZone}), by when the rating was given:`,
    `  差评率 ${rate(rates.bad_rate)}; fixed on time ${rate(rates.fixed_on_time)}; followed up ${rate(rates.follow_up)}; overdue now ${rates.overdue}`,
  ];
  if (items.length === 0) return [...out, 'no items'].join('\n');
  const head = ['item', 'origin', 'rating', 'rated', 'due', 'status', 'owner', ''];
  const body = items.map((item) => [
    `${item.community_id}/${item.id}`,
    // A 差评 given again after a re-rating closed the item before is the same origin's next round.
    (item.origin_kind === 'ticket' ? `ticket ${item.origin_title}` : `survey ${item.origin_title} (response #${item.origin_id})`) +
      (item.round > 1 ? ` · round ${item.round}` : ''),
    LEVELS[item.rating] ?? String(item.rating),
    day(item.rated_at),
    day(item.due_at),
    item.closed_reason === CLOSED_RE_RATED ? 'closed (re-rated)' : item.status,
    item.owner ?? '',
    item.overdue ? `OVERDUE ${Math.floor((now.getTime() - item.due_at.getTime()) / 86_400_000)} d` : '',
  ]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) => row.map((text, i) => text + ' '.repeat((widths[i] ?? 0) - width(text))).join('  ').trimEnd();
  return [...out, line(head), ...body.map(line)].join('\n');
}
