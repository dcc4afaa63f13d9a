/**
 * Naive-Bayes log-count ratios (Wang & Manning 2012, "NBSVM"): each hashed feature is scaled by
 * log(share among positive texts / share among negative texts) before logistic regression, so
 * the regression starts from what the counts already say. The model stays linear, so the ratios
 * fold into the shipped weights (w·r) and the scorer does not change.
 */
import type { Matrix } from './logistic.ts';

/** Smoothing added to every bucket's count on each side. */
export const NB_ALPHA = 1;

/** Ratios per bucket from the positive and negative rows (neutral rows do not count), weighted by row weight. */
export function nbRatios(m: Matrix, buckets: number, alpha = NB_ALPHA): Float32Array {
  const positive = new Float64Array(buckets).fill(alpha);
  const negative = new Float64Array(buckets).fill(alpha);
  for (let row = 0; row < m.label.length; row += 1) {
    const label = m.label[row];
    if (label !== 0 && label !== 1) continue;
    const side = label === 1 ? positive : negative;
    const weight = m.weight[row] ?? 1;
    for (let k = m.offsets[row] ?? 0; k < (m.offsets[row + 1] ?? 0); k += 1) {
      const b = m.index[k] ?? 0;
      side[b] = (side[b] ?? 0) + weight;
    }
  }
  let positiveSum = 0;
  let negativeSum = 0;
  for (let b = 0; b < buckets; b += 1) {
    positiveSum += positive[b] ?? 0;
    negativeSum += negative[b] ?? 0;
  }
  const ratios = new Float32Array(buckets);
  for (let b = 0; b < buckets; b += 1) ratios[b] = Math.log(((positive[b] ?? 0) / positiveSum) / ((negative[b] ?? 0) / negativeSum));
  return ratios;
}

/** Scales every value of `m` by its bucket's ratio, in place. */
export function scaleByRatios(m: Matrix, ratios: Float32Array): void {
  for (let k = 0; k < m.index.length; k += 1) m.value[k] = (m.value[k] ?? 0) * (ratios[m.index[k] ?? 0] ?? 0);
}
