import type { NewSurveyAnswer } from '../../warehouse/writers/survey-responses.ts';
import { sha256 } from '../shared/hash.ts';

const MINUTE = 60_000;

/**
 * What a response without a respondent id says, as the instrument reads it: the minute it was
 * submitted, its segments and its answers, never the cells as typed. Excel re-saving an export
 * ("2026-03-02 09:15:40" becomes "2026/3/2 9:15"), another encoding, the XLSX twin of a CSV or a
 * column the instrument does not map change the cells but not this, so the copy imports as the same
 * responses. Segments and answers are read after redaction, so the key is no hash of a phone number.
 */
function contentBody(segments: Readonly<Record<string, string>>, answers: readonly NewSurveyAnswer[]): string {
  const parts: string[] = [];
  for (const name of Object.keys(segments).sort()) parts.push(`${name}=${segments[name]}`);
  // Answers come in the instrument's question order; a blank answer is kept, so moving an answer to
  // another question changes the content.
  for (const answer of answers) parts.push(`${answer.question_id}:${answer.raw_value ?? ''}`);
  return parts.join('\u0001');
}

function contentHash(minute: number, body: string): string {
  return sha256(body === '' ? String(minute) : `${minute}\u0001${body}`).slice(0, 32);
}

/** A response's content key with its submission time moved by `minutes`: its key had the export been in another time zone. */
export interface ContentKey {
  key: string;
  shifted(minutes: number): string;
}

/**
 * Keys for the responses of one file that have no respondent id: identical responses are distinct
 * answers, so the n-th with the same content gets occurrence n (`c:<content>:<n>`). Earlier
 * versions hashed the row's cells as typed (`h:<cells>:<n>`); `legacy` gives that key too, so a
 * file one of them imported still imports as nothing new.
 */
export class ContentKeys {
  private readonly seen = new Map<string, number>();
  private readonly seenCells = new Map<string, number>();

  next(submittedAt: Date, segments: Readonly<Record<string, string>>, answers: readonly NewSurveyAnswer[]): ContentKey {
    const minute = Math.floor(submittedAt.getTime() / MINUTE);
    const body = contentBody(segments, answers);
    const content = contentHash(minute, body);
    const occurrence = (this.seen.get(content) ?? 0) + 1;
    this.seen.set(content, occurrence);
    return { key: `c:${content}:${occurrence}`, shifted: (minutes) => `c:${contentHash(minute + minutes, body)}:${occurrence}` };
  }

  legacy(cells: readonly string[]): string {
    const hash = sha256(JSON.stringify(cells)).slice(0, 32);
    const occurrence = (this.seenCells.get(hash) ?? 0) + 1;
    this.seenCells.set(hash, occurrence);
    return `h:${hash}:${occurrence}`;
  }
}
