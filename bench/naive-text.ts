import * as cheerio from 'cheerio';

/** The reference a careful extractor must beat: every text node of <body>, scripts and styles aside. */
export function naiveBodyText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, template').remove();
  const parts: string[] = [];
  $('body')
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      if (node.type === 'text') parts.push(node.data);
    });
  return parts.join(' ');
}
