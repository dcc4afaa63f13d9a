import type { Config } from '../../config/schema.ts';
import { boot } from '../boot.ts';
import { DEMO_USERS } from '../demo/load-demo.ts';

export async function startCommand(config: Config): Promise<void> {
  const started = Date.now();
  const running = await boot(config);
  console.log(`\ntalentpulse dashboard: ${running.url}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (config.demo.enabled) {
    console.log('demo logins (user / password):');
    for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(7)} ${user.username} / ${user.password}`);
  }
  console.log('Ctrl-C stops it.');
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      console.log('\nstopping: scheduler, server, database…');
      running.stop().then(resolve, (error: unknown) => {
        console.error(error);
        resolve();
      });
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
}
