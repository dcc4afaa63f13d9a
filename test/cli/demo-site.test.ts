import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoContent } from '../../cli/demo/demo-content.ts';
import { startDemoSite } from '../../cli/demo/demo-site.ts';

describe('the demo site', () => {
  let blocker: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

  it('serves its feeds on the port it is given', async () => {
    const site = await startDemoSite(loadDemoContent());
    try {
      const [first] = Object.values(site.feeds);
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      const response = await fetch(first ?? '');
      expect(response.status).toBe(200);
    } finally {
      await site.close();
    }
  });

  it('names the setting when its port is taken, instead of crashing the process', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker?.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    await expect(startDemoSite(loadDemoContent(), new Date(), port)).rejects.toThrow(
      new RegExp(`demo\\.site_port: port ${port} on 127\\.0\\.0\\.1 is in use`),
    );
  });
});
