// Elements that start a new paragraph of their own; everything else flows inline.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);
const CELLS = new Set(['TD', 'TH']);

/**
 * The readable text of an element: one paragraph per block element, separated by a blank line;
 * <br> is a line break inside a paragraph; runs of whitespace collapse as a browser renders them.
 */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';

  const endParagraph = (): void => {
    const lines = current.split('\n').map((line) => line.replace(/[ \t\f\r\u00a0\u3000]+/g, ' ').trim());
    const paragraph = lines.filter((line) => line !== '').join('\n');
    if (paragraph !== '') paragraphs.push(paragraph);
    current = '';
  };

  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) endParagraph();
    for (const child of node.childNodes) walk(child);
    if (block) endParagraph();
    // Table cells of one row read as one line, separated by a space.
    else if (CELLS.has(tag)) current += ' ';
  };

  walk(root);
  endParagraph();
  return paragraphs.join('\n\n');
}
