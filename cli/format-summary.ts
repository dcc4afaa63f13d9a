import type { ImportSummary } from '../collectors/shared/import-summary.ts';

/** One line per import or collection run: what was read, what was new, what was rejected and why it failed; then its notes. */
export function formatSummary(summary: ImportSummary): string {
  // Updated appears only for sources that update (tickets), and only when something was.
  const updated = summary.updated ? `, updated ${summary.updated}` : '';
  const counts = `read ${summary.read}, new ${summary.new}${updated}, duplicate ${summary.duplicate}, rejected ${summary.rejected}`;
  const notes = (summary.notes ?? []).map((note) => `\n  note: ${note}`).join('');
  return `${summary.source_id}: ${counts}${summary.error ? ` — FAILED: ${summary.error}` : ''}${notes}`;
}
