/**
 * Reads the `Expect:` lines of feedparser's test suite: Python expressions over feedparser's
 * result. Only what the suite uses is understood — `and`-joined clauses, `not`, `==`, subscripts
 * and attribute paths, string/number/tuple literals with `+` concatenation; anything else in a
 * clause makes that clause `other`, so the benchmark can count it as not applicable.
 */

export type PathStep = string | number;
export type Literal = string | number | boolean | null | Literal[];

export type Clause =
  | { kind: 'eq'; path: PathStep[]; value: Literal; text: string }
  | { kind: 'truthy'; path: PathStep[]; negated: boolean; text: string }
  | { kind: 'other'; text: string };

/** Splits on top-level ` and ` (outside strings and brackets) and parses each clause. */
export function parseExpectation(expression: string): Clause[] {
  return splitTopLevel(expression.trim(), ' and ').map(parseClause);
}

function parseClause(text: string): Clause {
  try {
    const p = new Reader(text.trim());
    let negated = false;
    if (p.eatWord('not')) negated = true;
    const path = p.path();
    if (p.done()) return { kind: 'truthy', path, negated, text };
    if (negated || !p.eat('==')) return { kind: 'other', text };
    const value = p.sum();
    return p.done() ? { kind: 'eq', path, value, text } : { kind: 'other', text };
  } catch {
    return { kind: 'other', text };
  }
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
    } else if (c === "'" || c === '"') quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    this.skip();
    return this.i >= this.s.length;
  }

  eat(token: string): boolean {
    this.skip();
    if (!this.s.startsWith(token, this.i)) return false;
    this.i += token.length;
    return true;
  }

  eatWord(word: string): boolean {
    this.skip();
    const re = new RegExp(`^${word}\\b`);
    if (!re.test(this.s.slice(this.i))) return false;
    this.i += word.length;
    return true;
  }

  /** `name` followed by `['key']`, `[0]` or `.key` steps; `x.get('key')` counts as a step too. */
  path(): PathStep[] {
    const name = this.identifier();
    const steps: PathStep[] = [name];
    for (;;) {
      if (this.eat('[')) {
        const key = this.literal();
        if (typeof key !== 'string' && typeof key !== 'number') throw new Error('bad subscript');
        steps.push(key);
        if (!this.eat(']')) throw new Error('expected ]');
      } else if (this.eat('.get(')) {
        const key = this.literal();
        if (typeof key !== 'string' || !this.eat(')')) throw new Error('unsupported get');
        steps.push(key);
      } else if (this.eat('.')) steps.push(this.identifier());
      else return steps;
    }
  }

  sum(): Literal {
    let value = this.literal();
    while (this.eat('+')) {
      const next = this.literal();
      if (typeof value !== 'string' || typeof next !== 'string') throw new Error('only strings concatenate');
      value += next;
    }
    return value;
  }

  literal(): Literal {
    this.skip();
    const c = this.s[this.i];
    if (c === '(' || c === '[') return this.sequence(c === '(' ? ')' : ']');
    const number = /^-?\d+(\.\d+)?/.exec(this.s.slice(this.i));
    if (number) {
      this.i += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of [['None', null], ['True', true], ['False', false]] as const) if (this.eatWord(word)) return value;
    return this.string();
  }

  private sequence(close: string): Literal[] {
    this.i++;
    const items: Literal[] = [];
    while (!this.eat(close)) {
      items.push(this.literal());
      if (!this.eat(',') && !this.eat(close)) throw new Error('bad sequence');
      else if (this.s[this.i - 1] === close) break;
    }
    return items;
  }

  private string(): string {
    const prefix = /^[uUbB]?/.exec(this.s.slice(this.i))?.[0] ?? '';
    this.i += prefix.length;
    const rest = this.s.slice(this.i);
    const quote = rest.startsWith("'''") ? "'''" : rest.startsWith('"""') ? '"""' : rest[0];
    if (quote !== "'" && quote !== '"' && quote !== "'''" && quote !== '"""') throw new Error(`unexpected ${rest.slice(0, 10)}`);
    this.i += quote.length;
    let out = '';
    while (!this.s.startsWith(quote, this.i)) {
      if (this.i >= this.s.length) throw new Error('unterminated string');
      const ch = this.s[this.i++] as string;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = this.s[this.i++] ?? '';
      const hex = (n: number) => {
        const code = parseInt(this.s.slice(this.i, this.i + n), 16);
        this.i += n;
        return String.fromCodePoint(code);
      };
      if (e === 'x') out += hex(2);
      else if (e === 'u') out += hex(4);
      else if (e === 'U') out += hex(8);
      else out += ({ n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' } as Record<string, string>)[e] ?? `\\${e}`;
    }
    this.i += quote.length;
    return out;
  }

  private identifier(): string {
    this.skip();
    const m = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i));
    if (!m) throw new Error('expected a name');
    this.i += m[0].length;
    return m[0];
  }

  private skip(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }
}
