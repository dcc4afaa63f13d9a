/**
 * Reads the labelled sentiment sets in ../shared/data/sentiment and splits each one, by a seeded
 * hash of the text, into train (80 %), validation (10 %, for tuning) and test (10 %, held out:
 * never trained or tuned on). Splitting by text keeps duplicates on one side of the line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectDir } from '../../config/paths.ts';

export const dataDir = resolve(projectDir, '../shared/data/sentiment');
export const SPLIT_SEED = 20240521;

export type Split = 'train' | 'validation' | 'test';
/** 1 positive, 0 negative, 0.5 neutral (only the VADER sets have neutral). */
export interface Example { text: string; label: number; set: string; split: Split }

export class SharedDataMissingError extends Error {}

export function requireSharedData(): void {
  if (!existsSync(dataDir)) {
    throw new SharedDataMissingError(`${dataDir} not found: the labelled sets live beside the project in ../shared/data/sentiment, not in it, so this needs a checkout with ../shared next to it`);
  }
}

function splitOf(text: string): Split {
  let h = SPLIT_SEED | 0;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  const bucket = (h >>> 0) % 10;
  return bucket === 0 ? 'test' : bucket === 1 ? 'validation' : 'train';
}

const example = (set: string, text: string, label: number): Example => {
  const clean = text.replace(/^\uFEFF/, '').trim();
  return { text: clean, label, set, split: splitOf(clean) };
};

function csvRows(file: string): string[][] {
  return parse(readFileSync(resolve(dataDir, file)), { bom: true, relax_quotes: true, relax_column_count: true, from_line: 2 }) as string[][];
}

function binary(value: string | undefined, where: string): number {
  if (value === '0' || value === '1') return Number(value);
  throw new Error(`${where}: expected label 0 or 1, got ${JSON.stringify(value)}`);
}

/** VADER's −4..+4 means: above 0.5 positive, below −0.5 negative, the rest neutral. */
const vaderLabel = (score: number) => (score > 0.5 ? 1 : score < -0.5 ? 0 : 0.5);

export function loadSet(name: string): Example[] {
  switch (name) {
    case 'waimai':
      return csvRows('zh/waimai_10k.csv').map((r, i) => example(name, r[1] ?? '', binary(r[0], `waimai_10k.csv row ${i + 2}`)));
    case 'shopping':
      return csvRows('zh/online_shopping_10_cats.csv').filter((r) => (r[2] ?? '').trim() !== '').map((r, i) => example(name, r[2] ?? '', binary(r[1], `online_shopping_10_cats.csv row ${i + 2}`)));
    case 'weibo':
      return lines('zh/weibo2018_train.txt').map((line, i) => {
        const [, label, ...rest] = line.split(',');
        return example(name, rest.join(','), binary(label, `weibo2018_train.txt line ${i + 1}`));
      });
    case 'sst2':
      return lines('en/sst2_train.tsv').slice(1).map((line, i) => {
        const tab = line.lastIndexOf('\t');
        return example(name, line.slice(0, tab), binary(line.slice(tab + 1).trim(), `sst2_train.tsv line ${i + 2}`));
      });
    case 'tweets':
    case 'amazon':
      return lines(`en/vader_${name}_groundtruth.tsv`).map((line) => {
        const [, score, ...rest] = line.split('\t');
        return example(name, rest.join('\t'), vaderLabel(Number(score)));
      });
    default:
      throw new Error(`unknown sentiment set ${name}`);
  }
}

function lines(file: string): string[] {
  return readFileSync(resolve(dataDir, file), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
}

export const zhSets = ['waimai', 'shopping', 'weibo'] as const;
export const enSets = ['sst2', 'tweets', 'amazon'] as const;
