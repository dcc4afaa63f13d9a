/**
 * A row of an export, or one the reader had to skip; `line` is its line (CSV, where the record ends)
 * or row number (Excel). A skipped row may say which cell (`column`, from 0) was at fault and what it read as.
 */
export type TableItem = { line: number; values: string[] } | { line: number; error: string; column?: number; value?: string };
