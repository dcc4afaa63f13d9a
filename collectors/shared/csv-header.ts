/** An export lacks columns its instrument or mapping needs; nothing from the file is stored. */
export class MissingColumnError extends Error {
  override name = 'MissingColumnError';
}

/**
 * Finds each wanted column in the header (surrounding spaces ignored) and returns its index, or
 * fails naming the file, every missing column and the configuration that asked for it; a wanted
 * name the header has twice fails too, naming the positions. A name not
 * in the header may still match one of a column's other names (`aliases[i]`: Qualtrics' question
 * text, 问卷星's 题干 without its number), when exactly one column answers to it.
 */
export function locateColumns<K extends string>(
  file: string,
  header: readonly string[],
  wanted: Readonly<Record<K, string>>,
  owner: string,
  aliases: readonly (readonly string[])[] = [],
): Record<K, number> {
  const trimmed = header.map((name) => name.trim());
  const located = {} as Record<K, number>;
  const missing: string[] = [];
  for (const [role, column] of Object.entries(wanted) as [K, string][]) {
    const name = column.trim();
    let index = trimmed.indexOf(name);
    const again = index < 0 ? -1 : trimmed.indexOf(name, index + 1);
    if (again >= 0) {
      // Which of two equal headings holds the answers is no guess to make: the other may be a re-coded copy.
      const positions = trimmed.flatMap((c, at) => (c === name ? [at + 1] : []));
      throw new MissingColumnError(
        `${file}: column "${column}" (${role}) required by ${owner} is ambiguous: the header has it ${positions.length} times (columns ${positions.join(', ')}); rename all but one`,
      );
    }
    if (index < 0) {
      const matches = aliases.flatMap((names, at) => (names.some((alias) => alias.trim() === name) ? [at] : []));
      if (matches.length > 1) {
        throw new MissingColumnError(
          `${file}: column "${column}" (${role}) required by ${owner} is ambiguous: columns ${matches.map((at) => `"${trimmed[at]}"`).join(', ')} all answer to it; name one exactly`,
        );
      }
      index = matches[0] ?? -1;
    }
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
