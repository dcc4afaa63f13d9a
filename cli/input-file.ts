import { statSync } from 'node:fs';

/** A file named on the command line that cannot be read as one. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

/**
 * Checks a file argument before anything is opened or written, so a typo stops the command with
 * the path and the reason rather than a stack trace from deep in a reader.
 */
export function checkInputFile(file: string, what: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new InputFileError(`${file}: ${what}: ${reason}`);
  }
  if (stats.isDirectory()) throw new InputFileError(`${file}: ${what}: is a directory, not a file`);
}
