import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the project's own configuration and data files. */
export const configDir = dirname(fileURLToPath(import.meta.url));
export const projectDir = resolve(configDir, '..');
