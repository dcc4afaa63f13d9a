import { ExtractionError } from './extraction-error.ts';

/** querySelectorAll that turns an invalid per-source selector into an error naming it and the page. */
export function selectAll(root: ParentNode, selector: string, url: string, role: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch (error) {
    throw new ExtractionError(url, `${role} selector "${selector}" is not valid CSS (${error instanceof Error ? error.message : String(error)})`);
  }
}
