import type { Db } from '../database.ts';
import { RECTIFICATION_COLUMNS, type RectificationItem, toItem } from '../rectifications/rectification-item.ts';
import type { RectificationStatus } from '../schema.ts';

export interface RectificationsOptions {
  communityId?: string | undefined;
  status?: RectificationStatus | undefined;
  /** Only items past due and not yet fixed. */
  overdueOnly?: boolean;
  now?: Date;
  limit?: number;
}

/** The rectification queue: overdue first, then by due time, so what is late is at the top. */
export async function rectificationsList(db: Db, options: RectificationsOptions = {}): Promise<RectificationItem[]> {
  const now = options.now ?? new Date();
  let query = db
    .selectFrom('rectifications')
    .select([...RECTIFICATION_COLUMNS])
    .orderBy('due_at')
    .orderBy('id')
    .limit(options.limit ?? 500);
  if (options.communityId !== undefined) query = query.where('community_id', '=', options.communityId);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.overdueOnly) query = query.where('status', 'in', ['open', 'in_progress']).where('due_at', '<', now);
  const items = (await query.execute()).map((row) => toItem(row, now));
  return [...items.filter((item) => item.overdue), ...items.filter((item) => !item.overdue)];
}
