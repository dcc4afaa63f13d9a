import type { CrawlReport, ItemDecision } from '../collectors/mentions/crawl/crawl-report.ts';

const LABELS: [keyof CrawlReport['stats'], string][] = [
  ['new', 'new'],
  ['near_duplicate', 'near-duplicate'],
  ['duplicate', 'duplicate'],
  ['filtered_out', 'filtered out'],
  ['not_modified', 'not modified'],
  ['disallowed', 'disallowed'],
  ['failed', 'failed'],
  ['deferred', 'deferred'],
];

/** One line per crawl run: what landed, what was dropped, and why the run failed. */
export function formatCrawlReport(report: CrawlReport): string {
  const counts = LABELS.filter(([key]) => key === 'new' || (report.stats[key] ?? 0) > 0).map(([key, label]) => `${label} ${report.stats[key] ?? 0}`);
  const head = `${report.source_id}${report.dry_run ? ' (dry run)' : ''}: ${counts.join(', ')}; fetched ${report.stats.fetched}`;
  return `${head}${report.error ? ` — FAILED: ${report.error}` : ''}`;
}

/** One line per item: its outcome, its URL and why. */
export function formatDecision(item: ItemDecision): string {
  return `  ${item.outcome.padEnd(14)} ${item.url}${item.title ? `  「${item.title}」` : ''}\n  ${' '.repeat(14)} ${item.reason}`;
}
