import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/errors.ts';
import { loadInstrument } from '../../config/instrument.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';

// A misspelt key used to be dropped in silence: `clasue: "8.1.2"` left the question without its
// clause and nobody was told. Every key of an instrument or ticket mapping is now one we know.
const dir = mkdtempSync(join(tmpdir(), 'talentpulse-keys-'));
const write = (name: string, yaml: string) => {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return file;
};

const instrument = (question: string, top = '') => `id: resident
community: lixia-intl
${top}questions:
  - id: visa
    column: Visa service
${question}`;

describe('instrument and mapping files name a key they do not know', () => {
  it('loads an instrument whose keys are all known', () => {
    const loaded = loadInstrument(write('good.yaml', instrument('    clause: "8.1.2"\n    scale: { type: likert, min: 1, max: 5, reverse: true }\n')));
    expect(loaded.questions[0]?.clause).toBe('8.1.2');
  });

  it.each([
    ['a question key', instrument('    clasue: "8.1.2"\n    scale: { type: likert, min: 1, max: 5 }\n'), /questions\.0: Unrecognized key: "clasue"/],
    ['a scale key', instrument('    scale: { type: likert, min: 1, max: 5, revers: true }\n'), /questions\.0\.scale: Unrecognized key: "revers"/],
    ['a top-level key', instrument('    scale: { type: nps }\n', 'respondant_id: ID\n'), /\(top level\): Unrecognized key: "respondant_id"/],
  ])('an instrument with a misspelt %s fails naming the file and the key', (_, yaml, message) => {
    const file = write('misspelt.yaml', yaml);
    expect(() => loadInstrument(file)).toThrow(ConfigError);
    expect(() => loadInstrument(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${message.source}`));
  });

  it('a ticket mapping with a misspelt column key fails naming the file and the key', () => {
    const file = write(
      'mapping.yaml',
      'id: hotline\ncommunity: lixia-intl\ncolumns:\n  external_id: 工单编号\n  opened_at: 受理时间\n  raiting: 满意度\n',
    );
    expect(() => loadTicketMapping(file)).toThrow(/mapping\.yaml: columns: Unrecognized key: "raiting"/);
  });
});
