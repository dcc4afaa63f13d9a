import { describe, expect, it } from 'vitest';
import { describeThrown } from '../../cli/describe-thrown.ts';

describe('what the command line prints for something thrown that is not an Error', () => {
  it('prints its message when it has one', () => {
    expect(describeThrown({ message: 'could not open the data folder', code: 'XX000' })).toBe('could not open the data folder');
  });

  it('prints its fields rather than [object Object]', () => {
    expect(describeThrown({ status: 6, reason: 'abort' })).toBe('{"status":6,"reason":"abort"}');
  });

  it('prints strings, numbers and undefined as they are', () => {
    expect(describeThrown('disk full')).toBe('disk full');
    expect(describeThrown(6)).toBe('6');
    expect(describeThrown(undefined)).toBe('undefined');
  });

  it('survives objects that cannot be turned into JSON', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(describeThrown(loop)).toBe('[object Object]');
  });
});
