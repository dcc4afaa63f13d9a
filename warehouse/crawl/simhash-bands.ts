/** The four 16-bit bands of a 64-bit SimHash written as 16 hex digits (see the story-bands migration). */
export function simhashBands(simhash: string): [number, number, number, number] {
  if (!/^[0-9a-f]{16}$/.test(simhash)) throw new RangeError(`simhash "${simhash}": expected 16 lower-case hex digits`);
  return [0, 4, 8, 12].map((at) => parseInt(simhash.slice(at, at + 4), 16)) as [number, number, number, number];
}
