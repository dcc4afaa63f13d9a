import { useTimeFormat } from '../time-format.ts';

/** ISO timestamps with a zone, as the pipeline writes them; shown in the reporting zone instead. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A JSON value on one line: nested objects as "a: 1, b: 2", lists joined by commas, never "[object Object]". */
export function compactValue(value: unknown, formatTime: (iso: string) => string = (iso) => iso, depth = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string') return ISO_TIMESTAMP.test(value) ? formatTime(value) : value;
  if (typeof value !== 'object') return String(value);
  // Deeper than this is noise in a one-glance list.
  if (depth > 3) return '…';
  const inner = (v: unknown) => compactValue(v, formatTime, depth + 1);
  if (Array.isArray(value)) {
    const nested = value.some((v) => typeof v === 'object' && v !== null);
    const parts = value.map((v) => (nested && typeof v === 'object' && v !== null && !Array.isArray(v) ? `(${inner(v)})` : inner(v)));
    return parts.length === 0 ? '—' : parts.join(nested ? '; ' : ', ');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '—';
  return entries.map(([k, v]) => `${humanKey(k)}: ${inner(v)}`).join(', ');
}

/** "same_time_yesterday" → "same time yesterday". */
export function humanKey(key: string): string {
  return key.replace(/[_-]+/g, ' ').trim();
}

/** Drivers of rules without a dedicated view: one readable key: value line each. */
export function DriverValues({ values }: { values: Record<string, unknown> }) {
  const time = useTimeFormat();
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <dl className="driver-values">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{humanKey(key)}</dt>
          <dd>{compactValue(value, time.dateTime)}</dd>
        </div>
      ))}
    </dl>
  );
}
