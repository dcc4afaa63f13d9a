import { htmlToText } from '../../collectors/mentions/feeds/index.ts';
import { collapse } from '../../collectors/mentions/feeds/feed-text.ts';
import type { FeedItem, ParsedFeed } from '../../collectors/mentions/feeds/index.ts';
import type { Clause, Literal, PathStep } from './python-expr.ts';

/** What one `path == literal` clause says about our output. */
export type Outcome =
  | { status: 'not-applicable'; reason: string }
  | { status: 'pass' | 'fail'; field: string; expected: unknown; actual: unknown; cause?: string; asText?: boolean };

type Field = { kind: 'text' | 'exact'; get: (feed: ParsedFeed) => string | null } | { kind: 'date'; get: (feed: ParsedFeed) => Date | null };

/** feedparser keys that mean the same as one of our fields ('description' is feedparser's alias of 'summary'). */
const ENTRY_FIELDS: Record<string, { name: keyof FeedItem; kind: 'text' | 'exact' | 'date' }> = {
  title: { name: 'title', kind: 'text' },
  'title_detail.value': { name: 'title', kind: 'text' },
  summary: { name: 'summary', kind: 'text' },
  description: { name: 'summary', kind: 'text' },
  'summary_detail.value': { name: 'summary', kind: 'text' },
  link: { name: 'link', kind: 'exact' },
  id: { name: 'id', kind: 'exact' },
  guid: { name: 'id', kind: 'exact' },
  author: { name: 'author', kind: 'exact' },
  published_parsed: { name: 'published_at', kind: 'date' },
  updated_parsed: { name: 'updated_at', kind: 'date' },
};

function fieldFor(path: PathStep[]): { label: string; field: Field } | string {
  const [root, ...rest] = path;
  if (root === 'feed') {
    const key = rest.join('.');
    if (key === 'title' || key === 'title_detail.value') return { label: 'feed.title', field: { kind: 'text', get: (f) => f.title } };
    if (key === 'link') return { label: 'feed.link', field: { kind: 'exact', get: (f) => f.link } };
    return `feed.${String(rest[0])} has no counterpart in ParsedFeed`;
  }
  if (root === 'entries') {
    const [index, ...keys] = rest;
    if (typeof index !== 'number') return 'entries without an index';
    const entry = ENTRY_FIELDS[keys.join('.')];
    if (!entry) return `entries[].${String(keys[0])} has no counterpart in FeedItem`;
    const label = `items[].${entry.name}`;
    if (entry.kind === 'date') return { label, field: { kind: 'date', get: (f) => (f.items[index]?.[entry.name] as Date | null | undefined) ?? null } };
    return { label, field: { kind: entry.kind, get: (f) => (f.items[index]?.[entry.name] as string | null | undefined) ?? null } };
  }
  return `${String(root)} (result metadata) has no counterpart`;
}

export function judge(clause: Clause & { kind: 'eq' }, result: ParsedFeed | Error): Outcome {
  const mapped = fieldFor(clause.path);
  if (typeof mapped === 'string') return { status: 'not-applicable', reason: mapped };
  const { label, field } = mapped;
  let expected: unknown = clause.value;
  let asText = false;
  if (field.kind === 'date') {
    if (!Array.isArray(clause.value)) return { status: 'not-applicable', reason: `${label} compared with a non-tuple` };
  } else if (typeof clause.value === 'string') {
    // Our title and summary are plain text; feedparser's are sanitised HTML or text depending on the
    // element's type, which the expectation does not say: its text content or the literal both count.
    if (field.kind === 'text' && /[<&]/.test(clause.value)) {
      const text = htmlToText(clause.value);
      if (!text) return { status: 'not-applicable', reason: `${label}: expects HTML markup only (our field is plain text)` };
      const literal = collapse(clause.value);
      if (!(result instanceof Error) && field.get(result) === literal) expected = literal;
      else {
        asText = text !== clause.value;
        expected = text;
      }
    } else if (field.kind === 'text') expected = collapse(clause.value);
  } else if (clause.value !== null) return { status: 'not-applicable', reason: `${label} compared with a non-string` };

  if (result instanceof Error) return { status: 'fail', field: label, expected, actual: null, cause: `${label}: ${result.name}` };
  const raw = field.get(result);
  const actual = raw instanceof Date ? dateTuple(raw) : raw;
  const same = field.kind === 'date' ? JSON.stringify(actual) === JSON.stringify(expected) : (actual ?? '') === (expected ?? '');
  return { status: same ? 'pass' : 'fail', field: label, expected, actual, asText, ...(same ? {} : { cause: `${label}: ${actual === null ? 'missing' : 'different'}` }) };
}

/** Python's time.struct_time as feedparser gives it: weekday Monday = 0, day of year from 1, no DST. */
function dateTuple(date: Date): Literal[] {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const yday = Math.floor((date.valueOf() - start) / 86_400_000) + 1;
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), (date.getUTCDay() + 6) % 7, yday, 0];
}
