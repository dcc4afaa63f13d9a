#!/usr/bin/env node
// All timestamps are handled in UTC; reporting periods use the configured zone explicitly.
process.env.TZ = 'UTC';
const { register } = await import('tsx/esm/api');
register();
await import('../cli/main.ts');
