import { ConfigError } from '../config/errors.ts';
import type { Config } from '../config/schema.ts';

/**
 * Stops a command on a community the configuration does not know, naming where the id came from
 * (`--community`, or an instrument or mapping file's `community:`). Imported, its rows would land in
 * a community no dashboard page lists; as a filter, an empty result would read as an all-clear.
 * A configuration with no communities at all accepts any, as the dashboard does.
 */
export function checkCommunity(config: Pick<Config, 'communities'>, id: string | undefined, where: string): void {
  if (id === undefined || config.communities.length === 0 || config.communities.some((c) => c.id === id)) return;
  const known = config.communities.map((c) => c.id).join(', ');
  throw new ConfigError(`${where}: unknown community "${id}" (known: ${known})`);
}
