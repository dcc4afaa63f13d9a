/**
 * Boolean keyword rules over a mention's title and text, for zh and en:
 *   居留许可 AND (延期 OR 续签) NOT "fake news"      也可以写作  居留许可 且 (延期 或 续签) 非 广告
 * Operators are upper-case AND / OR / NOT (or 且 / 或 / 非 standing alone); two terms side by side
 * mean AND. A term with Chinese (or any non-Latin letters) matches as a substring, because Chinese
 * has no spaces between words; a Latin term matches case-insensitively on word boundaries, and a
 * trailing * matches any ending (permit* → permits). Pure: no I/O.
 */

export class KeywordRuleError extends Error {
  override name = 'KeywordRuleError';
}

type Node =
  | { op: 'term'; term: string; test: (text: string) => boolean }
  | { op: 'and' | 'or'; left: Node; right: Node }
  | { op: 'not'; operand: Node };

type Token = { kind: '(' | ')' | 'and' | 'or' | 'not' } | { kind: 'term'; text: string };

export interface KeywordRule {
  expression: string;
  matches(text: string): boolean;
  /** The rule's terms found in the text, to say why a rule fired. */
  termsFoundIn(text: string): string[];
}

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { AND: 'and', OR: 'or', NOT: 'not', 且: 'and', 或: 'or', 非: 'not' };
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」' };

/** Lower case and full-width forms folded, so ＡＢＣ, abc and ABC compare equal. */
export function normaliseForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function tokenise(expression: string, fail: (message: string) => never): Token[] {
  const tokens: Token[] = [];
  const chars = [...expression];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i] as string;
    if (/\s/u.test(c)) {
      i++;
    } else if (OPEN.has(c) || CLOSE.has(c)) {
      tokens.push({ kind: OPEN.has(c) ? '(' : ')' });
      i++;
    } else if (QUOTES[c]) {
      const close = chars.indexOf(QUOTES[c], i + 1);
      if (close < 0) fail(`unclosed quote ${c} at character ${i + 1}`);
      const phrase = chars.slice(i + 1, close).join('').trim();
      if (!phrase) fail(`empty phrase at character ${i + 1}`);
      tokens.push({ kind: 'term', text: phrase });
      i = close + 1;
    } else {
      let end = i;
      while (end < chars.length && !/\s/u.test(chars[end] as string) && !OPEN.has(chars[end] as string) && !CLOSE.has(chars[end] as string) && !QUOTES[chars[end] as string]) end++;
      const word = chars.slice(i, end).join('');
      const op = OPERATORS[word];
      tokens.push(op ? { kind: op } : { kind: 'term', text: word });
      i = end;
    }
  }
  return tokens;
}

function termTest(term: string): (text: string) => boolean {
  const needle = normaliseForMatching(term);
  // Any letter outside the Latin script means a language written without spaces (or we cannot tell): substring.
  if (/[^\p{Script=Latin}\P{L}]/u.test(needle)) return (text) => text.includes(needle);
  const prefix = needle.endsWith('*');
  const words = (prefix ? needle.slice(0, -1) : needle).split(/\s+/).filter(Boolean);
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  // Word boundaries against Latin letters and digits only: "12345" is a word in "打12345热线".
  const word = '[\\p{Script=Latin}\\p{N}]';
  const pattern = new RegExp(`(?<!${word})${body}${prefix ? `${word}*` : `(?!${word})`}`, 'u');
  return (text) => pattern.test(text);
}

function parse(tokens: Token[], fail: (message: string) => never): Node {
  let at = 0;
  const peek = () => tokens[at];
  const describe = (t: Token | undefined) => (t === undefined ? 'the end' : t.kind === 'term' ? `"${t.text}"` : t.kind === '(' || t.kind === ')' ? `"${t.kind}"` : t.kind.toUpperCase());

  const primary = (): Node => {
    const token = tokens[at++];
    if (token?.kind === 'term') return { op: 'term', term: token.text, test: termTest(token.text) };
    if (token?.kind === '(') {
      const inner = or();
      if (tokens[at++]?.kind !== ')') fail(`expected ")" but found ${describe(tokens[at - 1])}`);
      return inner;
    }
    return fail(`expected a term, a phrase or "(" but found ${describe(token)}`);
  };
  const not = (): Node => {
    if (peek()?.kind === 'not') {
      at++;
      return { op: 'not', operand: not() };
    }
    return primary();
  };
  const and = (): Node => {
    let left = not();
    for (;;) {
      const next = peek();
      if (next?.kind === 'and') at++;
      else if (!(next?.kind === 'term' || next?.kind === '(' || next?.kind === 'not')) return left;
      left = { op: 'and', left, right: not() };
    }
  };
  const or = (): Node => {
    let left = and();
    while (peek()?.kind === 'or') {
      at++;
      left = { op: 'or', left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) fail('the expression is empty');
  const tree = or();
  if (at < tokens.length) fail(`unexpected ${describe(tokens[at])}`);
  return tree;
}

function evaluate(node: Node, text: string): boolean {
  switch (node.op) {
    case 'term':
      return node.test(text);
    case 'not':
      return !evaluate(node.operand, text);
    case 'and':
      return evaluate(node.left, text) && evaluate(node.right, text);
    case 'or':
      return evaluate(node.left, text) || evaluate(node.right, text);
  }
}

function terms(node: Node): Extract<Node, { op: 'term' }>[] {
  if (node.op === 'term') return [node];
  if (node.op === 'not') return terms(node.operand);
  return [...terms(node.left), ...terms(node.right)];
}

/** Parses an expression; `where` names it in errors (e.g. `source "jinan-news" include`). */
export function parseKeywordRule(expression: string, where: string): KeywordRule {
  const fail = (message: string): never => {
    throw new KeywordRuleError(`${where}: ${message} in "${expression}"`);
  };
  const tree = parse(tokenise(expression, fail), fail);
  return {
    expression,
    matches: (text) => evaluate(tree, normaliseForMatching(text)),
    termsFoundIn: (text) => {
      const normal = normaliseForMatching(text);
      return [...new Set(terms(tree).filter((t) => t.test(normal)).map((t) => t.term))];
    },
  };
}

export type RuleVerdict = { kept: true } | { kept: false; reason: string };

export interface KeywordFilter {
  check(text: string): RuleVerdict;
}

/** A source's include and exclude rules together; parse errors name the source. */
export function compileKeywordFilter(source: { id: string; include?: string | undefined; exclude?: string | undefined }): KeywordFilter {
  const include = source.include ? parseKeywordRule(source.include, `source "${source.id}" include`) : undefined;
  const exclude = source.exclude ? parseKeywordRule(source.exclude, `source "${source.id}" exclude`) : undefined;
  return {
    check(text) {
      if (include && !include.matches(text)) return { kept: false, reason: `include rule ${JSON.stringify(include.expression)} not matched` };
      if (exclude?.matches(text)) {
        const found = exclude.termsFoundIn(text).map((t) => JSON.stringify(t)).join(', ');
        return { kept: false, reason: `exclude rule ${JSON.stringify(exclude.expression)} matched (${found})` };
      }
      return { kept: true };
    },
  };
}
