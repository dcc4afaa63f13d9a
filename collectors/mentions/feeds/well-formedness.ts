import { XMLValidator } from 'fast-xml-parser';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * What is wrong with an XML document that a lenient parse silently repaired: the first
 * well-formedness error (unclosed tag, junk after the root) and any entity the document uses
 * without declaring (HTML's &nbsp; in RSS is the usual one). Empty when the document is well-formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (result !== true) problems.push(`not well-formed XML at line ${result.err.line}, column ${result.err.col}: ${result.err.msg}`);

  const declared = new Set([...xml.matchAll(/<!ENTITY\s+([\w.:-]+)/g)].map((m) => m[1]));
  // Entity references inside CDATA sections and comments are plain text, not references.
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const undefinedNames = new Set<string>();
  for (const m of markup.matchAll(/&([A-Za-z][\w.-]*);/g)) {
    const name = m[1] as string;
    if (!XML_ENTITIES.has(name) && !declared.has(name)) undefinedNames.add(name);
  }
  if (undefinedNames.size > 0) problems.push(`undefined entities: ${[...undefinedNames].slice(0, 5).map((n) => `&${n};`).join(' ')}`);
  return problems;
}
