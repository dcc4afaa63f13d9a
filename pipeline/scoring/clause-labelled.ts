import { z } from 'zod';

/** One text of a labelled clause set and the most specific clause ids it is about ([] for none). */
export const labelledItemSchema = z.object({
  text: z.string().min(1),
  clauses: z.array(z.string()),
});

export const labelledSetSchema = z.object({ items: z.array(labelledItemSchema).min(1) });

export type LabelledItem = z.infer<typeof labelledItemSchema>;

/** FNV-1a over the UTF-16 code units: stable across runs and machines. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Held-out share of the labelled set, in tenths. */
const HELD_OUT_TENTHS = 3;

/**
 * Splits a labelled set into training and held-out parts by a hash of each text, so an item stays
 * on its side when others are added or reordered.
 */
export function splitLabelled(items: readonly LabelledItem[]): { train: LabelledItem[]; heldOut: LabelledItem[] } {
  const train: LabelledItem[] = [];
  const heldOut: LabelledItem[] = [];
  for (const item of items) (fnv1a(item.text) % 10 < HELD_OUT_TENTHS ? heldOut : train).push(item);
  return { train, heldOut };
}

/** k folds by the same hash, for cross-validation inside the training part. */
export function foldOf(item: LabelledItem, k: number): number {
  return Math.floor(fnv1a(item.text) / 10) % k;
}
