import type { Config, SourceConfig } from '../config/schema.ts';
import { loadDemoContent } from './demo/demo-content.ts';
import { type DemoSite, startDemoSite } from './demo/demo-site.ts';
import { demoSources } from './demo/load-demo.ts';

/** The configured sources plus, with the demo on, the demo site's feeds (the site runs while `work` does). */
export async function withConfiguredSources<T>(config: Config, work: (sources: SourceConfig[], site: DemoSite | undefined) => Promise<T>, now?: Date): Promise<T> {
  const site = config.demo.enabled && config.communities[0] ? await startDemoSite(loadDemoContent(), now, config.demo.site_port) : undefined;
  try {
    const demo = site && config.communities[0] ? demoSources(loadDemoContent(), site, config.communities[0].id) : [];
    return await work([...config.sources, ...demo], site);
  } finally {
    await site?.close();
  }
}
