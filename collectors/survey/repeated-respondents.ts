import type { NewSurveyRecord } from '../../warehouse/writers/survey-responses.ts';

/**
 * The respondents one import has met. A respondent's first row in the file stands and their later
 * rows count as duplicates, whatever they say: were a later row to update the response stored from
 * the first, every import of the same file would change it back and forth. Across imports the
 * latest export wins (a stored response whose answers changed is updated; see
 * insertSurveyResponses). Only keys of respondent ids (`p:`) are held, about 70 bytes each (7 MB
 * per 100,000 respondents): a response without an id never repeats, as its key counts how many
 * identical responses came before it.
 */
export class RespondentsSeen {
  readonly #seen = new Set<string>();

  /** The records whose respondent this import has not met before, in order; marks them met. */
  firstRows<Row extends Pick<NewSurveyRecord, 'response'>>(rows: readonly Row[]): Row[] {
    return rows.filter(({ response: { response_key: key } }) => {
      if (!key.startsWith('p:')) return true;
      if (this.#seen.has(key)) return false;
      this.#seen.add(key);
      return true;
    });
  }
}
