import { resolve } from 'node:path';
import { loadInstrument } from '../../config/instrument.ts';
import { type Config, type FeedSource, feedSourceSchema } from '../../config/schema.ts';
import { loadTicketMapping } from '../../config/ticket-mapping.ts';
import { importSurvey } from '../../collectors/survey/import-survey.ts';
import { importTickets } from '../../collectors/servicedesk/import-tickets.ts';
import type { ImportSummary } from '../../collectors/shared/import-summary.ts';
import type { Db } from '../../warehouse/database.ts';
import type { Role } from '../../warehouse/schema.ts';
import { ensureUser } from '../../warehouse/auth/users.ts';
import type { DemoContent } from './demo-content.ts';
import { demoDir } from './demo-content.ts';
import type { DemoSite } from './demo-site.ts';

/** Demo logins, one per role; printed at start. Not for production: `talentpulse users add` makes real ones. */
export const DEMO_USERS: { username: string; password: string; role: Role; display_name: string }[] = [
  { username: 'leader', password: 'leader-demo', role: 'leader', display_name: '王主任 Director Wang' },
  { username: 'comms', password: 'comms-demo', role: 'comms', display_name: '李宣传 Li (comms)' },
  { username: 'expert', password: 'expert-demo', role: 'expert', display_name: '赵教授 Prof. Zhao' },
  { username: 'admin', password: 'admin-demo', role: 'admin', display_name: '系统管理员 Admin' },
];

/** The demo feeds as ordinary feed sources pointing at the demo site, with every default a configured source gets. */
export function demoSources(content: DemoContent, site: DemoSite, community: string): FeedSource[] {
  return Object.entries(content.feeds).map(([id, feed]) =>
    feedSourceSchema.parse({ id: `demo-${id}`, kind: 'feed', community, url: site.feeds[id] ?? '', name: feed.title, reach: feed.reach }),
  );
}

/** Loads the demo survey and hotline exports through the real importers, and the demo logins. */
export async function loadDemo(db: Db, config: Config): Promise<ImportSummary[]> {
  for (const user of DEMO_USERS) await ensureUser(db, user);
  const survey = await importSurvey(db, {
    file: resolve(demoDir, 'resident-survey.csv'),
    instrument: loadInstrument(resolve(demoDir, 'instruments/resident-survey.yaml')),
    pseudonymKey: config.privacy.pseudonym_key,
  });
  const tickets = await importTickets(db, {
    file: resolve(demoDir, 'hotline-tickets.csv'),
    mapping: loadTicketMapping(resolve(demoDir, 'mappings/hotline-12345.yaml')),
  });
  return [survey, tickets];
}
