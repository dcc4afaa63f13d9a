import { rectificationsList } from '../../../warehouse/read-models/rectifications-list.ts';
import { type AlertRule } from './rule-types.ts';

export const OVERDUE_RECTIFICATION = 'overdue_rectification';

/** Overdue 差评 rectifications: one alert a day per community while any is past due and unfixed. */
export const overdueRectification: AlertRule = async ({ db, config, communityId, now }) => {
  if (!config.alerts.overdue_rectification.enabled) return [];
  const overdue = await rectificationsList(db, { communityId, overdueOnly: true, now, limit: 200 });
  if (overdue.length === 0) return [];
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: config.timezone }).format(now);
  const oldestDue = overdue.reduce((min, item) => Math.min(min, new Date(item.due_at).getTime()), Infinity);
  const daysLate = Math.floor((now.getTime() - oldestDue) / 86_400_000);
  return [
    {
      rule: OVERDUE_RECTIFICATION,
      dedupe_key: day,
      base_grade: overdue.length >= 5 || daysLate >= 10 ? 'orange' : 'yellow',
      title: `差评整改逾期 / Overdue rectifications: ${overdue.length} (oldest ${daysLate} days late)`,
      drivers: {
        count: overdue.length,
        oldest_days_late: daysLate,
        rectifications: overdue.slice(0, 20).map((item) => ({
          id: item.id,
          origin: `${item.origin_kind} ${item.origin_title}${item.round > 1 ? ` · round ${item.round}` : ''}`,
          owner: item.owner,
          due_at: item.due_at,
        })),
      },
      reach: 0,
      clause_ids: ['8.1.3'],
      source_ids: [],
    },
  ];
};
