import type { AlertNote, ClosedReason, RectificationStatus } from '../schema.ts';

/** A rectification as the dashboard and exports show it. */
export interface RectificationItem {
  community_id: string;
  id: number;
  origin_kind: 'ticket' | 'survey';
  origin_id: number;
  origin_ref: string;
  /** 1, or the round of a 差评 given again after a re-rating closed the round before. */
  round: number;
  rating: number;
  rated_at: Date;
  due_at: Date;
  status: RectificationStatus;
  owner: string | null;
  fixed_at: Date | null;
  followed_up_at: Date | null;
  closed_at: Date | null;
  /** Why it was closed: `followed-up` by staff, `re-rated` by the rater's good re-rating; null while not closed. */
  closed_reason: ClosedReason | null;
  notes: AlertNote[];
  /** Not fixed and past its due time. */
  overdue: boolean;
}

export const RECTIFICATION_COLUMNS = [
  'community_id',
  'id',
  'origin_kind',
  'origin_id',
  'origin_ref',
  'round',
  'rating',
  'rated_at',
  'due_at',
  'status',
  'owner',
  'fixed_at',
  'followed_up_at',
  'closed_at',
  'closed_reason',
  'notes',
] as const;

type Row = Omit<RectificationItem, 'overdue'>;

/** Still waiting for its fix (open or in progress) after the due time. */
export function toItem(row: Row, now: Date): RectificationItem {
  const waiting = row.status === 'open' || row.status === 'in_progress';
  return { ...row, id: Number(row.id), origin_id: Number(row.origin_id), overdue: waiting && new Date(row.due_at) < now };
}
