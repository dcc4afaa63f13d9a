import render from 'dom-serializer';
import { Element, isTag, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export interface RepairedXml {
  xml: string;
  /** What was changed beyond what re-serialising fixes by itself. */
  fixes: string[];
}

/**
 * Re-serialises a malformed XML document through htmlparser2's forgiving XML mode so the feed
 * parser can read what is recoverable: unclosed elements are closed, a truncated end tag is
 * completed, stray `&` become `&amp;`. A DOCTYPE (whose parameter entities strict parsers reject)
 * is dropped, and RSS items written straight under <rss> get the <channel> they belong in.
 * Entities are left as written for the feed parser to decode.
 */
export function repairXml(xml: string): RepairedXml {
  const document = parseDocument(xml, { xmlMode: true, decodeEntities: false });
  const fixes: string[] = [];
  const doctype = document.children.findIndex((node) => node.type === 'directive' && /^!doctype/i.test((node as { name?: string }).name ?? ''));
  if (doctype >= 0) {
    document.children.splice(doctype, 1);
    fixes.push('DOCTYPE dropped');
  }
  const rss = document.children.find((node): node is Element => isTag(node) && node.name.toLowerCase().replace(/^\w+:/, '') === 'rss');
  if (rss && !rss.children.some((node) => isTag(node) && /(^|:)channel$/i.test(node.name))) {
    const channel = new Element('channel', {}, rss.children as ChildNode[]);
    for (const child of channel.children) child.parent = channel;
    channel.parent = rss;
    rss.children = [channel];
    fixes.push('<rss> without <channel>');
  }
  return { xml: render(document, { xmlMode: true, decodeEntities: false }), fixes };
}
