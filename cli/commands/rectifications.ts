import { Command, Option } from 'commander';
import type { Config } from '../../config/schema.ts';
import { parsePeriod } from '../../warehouse/read-models/period.ts';
import { parsePeriodSpec } from '../../warehouse/read-models/period-spec.ts';
import { rectificationRates } from '../../warehouse/read-models/rectification-rates.ts';
import { rectificationsList } from '../../warehouse/read-models/rectifications-list.ts';
import type { RectificationStatus } from '../../warehouse/schema.ts';
import { formatRectifications } from '../format-rectifications.ts';
import { checkCommunity } from '../known-community.ts';
import { withWarehouse } from '../warehouse.ts';

interface Options {
  overdue?: boolean;
  status?: RectificationStatus;
  community?: string;
  period?: string;
  json: boolean;
}

const STATUSES: readonly RectificationStatus[] = ['open', 'in_progress', 'fixed', 'followed_up', 'closed'];

/** `talentpulse rectifications`: the 好差评 rates of a period and the rectification queue, overdue first. */
export function rectificationsCommand(loadConfig: () => Config): Command {
  return new Command('rectifications')
    .description('差评 rectification: 差评率, fixed on time and follow-up rate for a period, and the queue of items, overdue first (as the 差评整改 page shows them)')
    .option('--overdue', 'only items past due and not fixed')
    .addOption(new Option('--status <status>', 'only items in this status').choices([...STATUSES]))
    .option('--community <id>', 'one community only')
    .option('--period <period>', 'rates for 2026, 2026-Q1, 2026-03, 2026-03-05 or FROM..TO of those (default: the last twelve months)')
    .option('--json', 'print {rates, items} as JSON', false)
    .action(async (options: Options) => {
      const config = loadConfig();
      checkCommunity(config, options.community, '--community');
      const period = options.period ? parsePeriodSpec(options.period) : parsePeriod({}, config.timezone);
      const now = new Date();
      await withWarehouse(config, async (db) => {
        const rates = await rectificationRates(db, { period, communityId: options.community, timeZone: config.timezone, minCell: config.privacy.min_cell, now });
        const items = await rectificationsList(db, { communityId: options.community, status: options.status, overdueOnly: options.overdue ?? false, now });
        console.log(options.json ? JSON.stringify({ rates, items }, null, 2) : formatRectifications(rates, items, config.timezone, now));
      });
    });
}
