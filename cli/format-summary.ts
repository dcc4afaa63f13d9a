import type { ImportSummary } from '../collectors/shared/import-summary.ts';

/** One line per import or collection run: what was read, what was new, what was rejected and why it failed. */
export function formatSummary(summary: ImportSummary): string {
  const counts = `read ${summary.read}, new ${summary.new}, duplicate ${summary.duplicate}, rejected ${summary.rejected}`;
  return `${summary.source_id}: ${counts}${summary.error ? ` — FAILED: ${summary.error}` : ''}`;
}
