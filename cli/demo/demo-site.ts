import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DemoContent } from './demo-content.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DemoSite {
  url: string;
  /** Feed URLs by feed id, as the demo sources point at them. */
  feeds: Record<string, string>;
  close(): Promise<void>;
}

function rss(base: string, feedId: string, title: string, items: Rendered[]): string {
  const entries = items
    .map((i) => `<item><title>${escapeXml(i.title)}</title><link>${base}/${feedId}/${i.id}.html</link><guid>${base}/${feedId}/${i.id}.html</guid><pubDate>${i.at.toUTCString()}</pubDate><description>${escapeXml(i.text)}</description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title><link>${base}/${feedId}/</link><description>${escapeXml(title)}</description>\n${entries}\n</channel></rss>\n`;
}

function atom(base: string, feedId: string, title: string, items: Rendered[]): string {
  const entries = items
    .map((i) => `<entry><title>${escapeXml(i.title)}</title><link href="${base}/${feedId}/${i.id}.html"/><id>${base}/${feedId}/${i.id}.html</id><updated>${i.at.toISOString()}</updated><content type="text">${escapeXml(i.text)}</content></entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title><id>${base}/${feedId}/</id><updated>${new Date().toISOString()}</updated>\n${entries}\n</feed>\n`;
}

function article(title: string, text: string, at: Date): string {
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head><body><nav>首页 | 新闻 | 论坛</nav><article><h1>${escapeXml(title)}</h1><time datetime="${at.toISOString()}">${at.toISOString()}</time><p>${escapeXml(text)}</p></article><footer>© demo site</footer></body></html>`;
}

interface Rendered {
  id: string;
  title: string;
  text: string;
  at: Date;
}

/**
 * A small site on a loopback port that publishes the demo community's news, forum and blog as
 * RSS/Atom with article pages, so the demo runs the real HTTP collector. Item times are fixed at
 * start relative to `now`, so the demo always shows a recent burst.
 */
export async function startDemoSite(content: DemoContent, now = new Date(), port = 0): Promise<DemoSite> {
  const byFeed = new Map<string, Rendered[]>();
  for (const item of content.items) {
    const list = byFeed.get(item.feed) ?? [];
    list.push({ id: item.id, title: item.title, text: item.text, at: new Date(now.getTime() - item.minutes_ago * 60_000) });
    byFeed.set(item.feed, list);
  }
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', base).pathname;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
      res.end(body);
    };
    if (path === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nAllow: /\n');
    const feedMatch = /^\/(\w+)\/(rss|atom)\.xml$/.exec(path);
    if (feedMatch) {
      const [, feedId = '', format] = feedMatch;
      const feed = content.feeds[feedId];
      if (!feed || feed.format !== format) return send(404, 'text/plain', 'no such feed');
      const items = [...(byFeed.get(feedId) ?? [])].sort((a, b) => b.at.getTime() - a.at.getTime());
      return format === 'rss'
        ? send(200, 'application/rss+xml', rss(base, feedId, feed.title, items))
        : send(200, 'application/atom+xml', atom(base, feedId, feed.title, items));
    }
    const pageMatch = /^\/(\w+)\/([\w-]+)\.html$/.exec(path);
    const item = pageMatch ? byFeed.get(pageMatch[1] ?? '')?.find((i) => i.id === pageMatch[2]) : undefined;
    if (item) return send(200, 'text/html', article(item.title, item.text, item.at));
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `demo.site_port: port ${port} on 127.0.0.1 is in use (another talentpulse demo?); stop it or set demo.site_port to a free port`
            : `demo.site_port: the demo site cannot listen on port ${port}: ${error.message}`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const feeds = Object.fromEntries(Object.entries(content.feeds).map(([id, feed]) => [id, `${base}/${id}/${feed.format}.xml`]));
  return {
    url: base,
    feeds,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
