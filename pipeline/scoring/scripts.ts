/**
 * Which writing system a character belongs to, and how many letters of each a text has: the cheap
 * first look of language detection, and the cut points of mixed-language text.
 */

export const Script = { None: -1, Han: 0, Kana: 1, Hangul: 2, Latin: 3, Cyrillic: 4, Arabic: 5, Thai: 6, Devanagari: 7 } as const;
export type Script = (typeof Script)[keyof typeof Script];
export const SCRIPT_COUNT = 8;

/** The script of one UTF-16 code unit; every script counted here lies in the BMP. */
export function scriptOf(code: number): Script {
  // Plain ASCII first: most texts are mostly ASCII.
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? Script.Latin : Script.None;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) return Script.Han;
  if (code >= 0x3040 && code <= 0x30ff) return Script.Kana;
  if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f)) return Script.Hangul;
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return Script.Latin;
  if (code >= 0x400 && code <= 0x4ff) return Script.Cyrillic;
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f)) return Script.Arabic;
  if (code >= 0xe00 && code <= 0xe7f) return Script.Thai;
  if (code >= 0x900 && code <= 0x97f) return Script.Devanagari;
  return Script.None;
}

export interface ScriptCounts {
  /** Letters per script, indexed by Script. */
  counts: Int32Array;
  /** Scripts in the order they first appear, so that ties go to the first seen. */
  order: Script[];
  /** True when the text is pure ASCII (the usual English case, read without lower-casing). */
  ascii: boolean;
  /** Latin words: runs of Latin letters, an apostrophe inside one (don't, it’s) not breaking it. */
  latinWords: number;
}

export function createScriptCounts(): ScriptCounts {
  return { counts: new Int32Array(SCRIPT_COUNT), order: [], ascii: true, latinWords: 0 };
}

/** Fills `into` (reused between calls) with the letters per script of text[start, end). */
export function countScripts(text: string, into: ScriptCounts, start = 0, end = text.length): ScriptCounts {
  into.counts.fill(0);
  into.order.length = 0;
  into.ascii = true;
  into.latinWords = 0;
  let inWord = false;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) into.ascii = false;
    const script = scriptOf(code);
    if (script === Script.Latin && !inWord) into.latinWords += 1;
    if (code !== 0x27 && code !== 0x2019) inWord = script === Script.Latin;
    if (script < 0) continue;
    if (into.counts[script] === 0) into.order.push(script);
    into.counts[script] = (into.counts[script] ?? 0) + 1;
  }
  return into;
}
