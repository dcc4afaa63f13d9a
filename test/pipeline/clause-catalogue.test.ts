import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadClauses } from '../../config/clauses.ts';

const standardFile = '/work/shared/standard/DB3701-T0004-2019.txt';
const clauses = loadClauses();
const ids = clauses.map((clause) => clause.id);

/** Clause numbers of sections 5–10 as they open a line of the standard (body or table of contents). */
function clauseNumbersInStandard(text: string): Set<string> {
  const numbers = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^(?:- )?((?:5|6|7|8|9|10)(?:\.\d+)*)\s+\S/u.exec(line.trim());
    if (match?.[1]) numbers.add(match[1]);
  }
  return numbers;
}

describe('clause catalogue', () => {
  it('has unique clause ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a parent for every sub-clause', () => {
    const known = new Set(ids);
    for (const id of ids) {
      const parent = id.split('.').slice(0, -1).join('.');
      if (parent) expect(known.has(parent), `parent ${parent} of ${id}`).toBe(true);
    }
  });

  it('gives every clause both titles, keywords in both languages and evidence', () => {
    for (const clause of clauses) {
      expect(clause.keywords_zh.length, `${clause.id} keywords_zh`).toBeGreaterThan(0);
      expect(clause.keywords_en.length, `${clause.id} keywords_en`).toBeGreaterThan(0);
      expect(clause.evidence.length, `${clause.id} evidence`).toBeGreaterThan(0);
    }
  });

  it('evidences the hotline clauses by service-desk data and opinion monitoring by mentions', () => {
    const byId = new Map(clauses.map((clause) => [clause.id, clause]));
    expect(byId.get('8.1.3')?.evidence).toContain('servicedesk');
    expect(byId.get('10.2.4')?.evidence).toContain('mentions');
  });

  describe.skipIf(!existsSync(standardFile))(`against the standard text (skipped: ${standardFile} not found)`, () => {
    const inText = existsSync(standardFile) ? clauseNumbersInStandard(readFileSync(standardFile, 'utf8')) : new Set<string>();

    it('contains every clause number of sections 5–10 in the text, and no other', () => {
      expect(inText.size).toBeGreaterThan(50);
      expect([...inText].filter((id) => !ids.includes(id))).toEqual([]);
      expect(ids.filter((id) => !inText.has(id))).toEqual([]);
    });
  });
});
