/** A CSV file lacks columns its instrument or mapping needs; nothing from the file is stored. */
export class MissingColumnError extends Error {
  override name = 'MissingColumnError';
}

/**
 * Finds each wanted column in the header (surrounding spaces ignored) and returns its index,
 * or fails naming the file, every missing column and the configuration that asked for it.
 */
export function locateColumns<K extends string>(
  file: string,
  header: readonly string[],
  wanted: Readonly<Record<K, string>>,
  owner: string,
): Record<K, number> {
  const trimmed = header.map((name) => name.trim());
  const located = {} as Record<K, number>;
  const missing: string[] = [];
  for (const [role, column] of Object.entries(wanted) as [K, string][]) {
    const index = trimmed.indexOf(column.trim());
    if (index < 0) missing.push(`"${column}" (${role})`);
    else located[role] = index;
  }
  if (missing.length > 0) {
    throw new MissingColumnError(
      `${file}: column ${missing.join(', ')} required by ${owner} is not in the header (found: ${trimmed.map((c) => `"${c}"`).join(', ')})`,
    );
  }
  return located;
}
