/**
 * Logistic regression over hashed features, trained with AdaGrad SGD and a little L2, on a
 * seeded shuffle: the same data and seed always give the same weights.
 */
import { createFeatures, extractFeatures } from '../../pipeline/scoring/sentiment-features.ts';
import { bucketOf } from '../../pipeline/scoring/sentiment-model.ts';

export interface TrainingText { text: string; label: number; weight?: number }

export interface Matrix { offsets: Int32Array; index: Uint32Array; value: Float32Array; label: Float32Array; weight: Float32Array }

export function toMatrix(texts: readonly TrainingText[], lang: 'zh' | 'en'): Matrix {
  const f = createFeatures();
  const offsets = new Int32Array(texts.length + 1);
  let index = new Uint32Array(1 << 20);
  let value = new Float32Array(1 << 20);
  let n = 0;
  texts.forEach((t, row) => {
    extractFeatures(t.text, lang, f);
    if (n + f.count > index.length) {
      const size = Math.max(index.length * 2, n + f.count);
      const i2 = new Uint32Array(size); i2.set(index); index = i2;
      const v2 = new Float32Array(size); v2.set(value); value = v2;
    }
    for (let k = 0; k < f.count; k += 1) {
      index[n] = bucketOf(f.hash[k] ?? 0);
      value[n] = f.value[k] ?? 0;
      n += 1;
    }
    offsets[row + 1] = n;
  });
  return { offsets, index: index.subarray(0, n), value: value.subarray(0, n), label: Float32Array.from(texts, (t) => t.label), weight: Float32Array.from(texts, (t) => t.weight ?? 1) };
}

export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions { buckets: number; epochs: number; rate: number; l2: number; seed: number }

export interface Weights { w: Float32Array; bias: number }

export function margin(m: Matrix, row: number, weights: Weights): number {
  let z = weights.bias;
  for (let k = m.offsets[row] ?? 0; k < (m.offsets[row + 1] ?? 0); k += 1) z += (weights.w[m.index[k] ?? 0] ?? 0) * (m.value[k] ?? 0);
  return z;
}

/** Trains; `onEpoch` sees the weights after each epoch (for picking the epoch count on validation). */
export function train(m: Matrix, options: TrainOptions, onEpoch?: (epoch: number, weights: Weights) => void): Weights {
  const w = new Float32Array(options.buckets);
  const g2 = new Float32Array(options.buckets).fill(1e-6);
  const weights: Weights = { w, bias: 0 };
  let biasG2 = 1e-6;
  const rows = m.label.length;
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    for (let i = rows - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const tmp = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = tmp;
    }
    for (const row of order) {
      const z = margin(m, row, weights);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - (m.label[row] ?? 0)) * (m.weight[row] ?? 1);
      for (let k = m.offsets[row] ?? 0; k < (m.offsets[row + 1] ?? 0); k += 1) {
        const b = m.index[k] ?? 0;
        const grad = g * (m.value[k] ?? 0) + options.l2 * (w[b] ?? 0);
        g2[b] = (g2[b] ?? 0) + grad * grad;
        w[b] = (w[b] ?? 0) - (options.rate * grad) / Math.sqrt(g2[b] ?? 1);
      }
      biasG2 += g * g;
      weights.bias -= (options.rate * g) / Math.sqrt(biasG2);
    }
    onEpoch?.(epoch, weights);
  }
  return weights;
}
