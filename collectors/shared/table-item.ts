/** A row of an export, or one the reader had to skip; `line` is its line (CSV, where the record ends) or row number (Excel). */
export type TableItem = { line: number; values: string[] } | { line: number; error: string };
