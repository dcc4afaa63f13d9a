/** Something thrown that is not an Error (the embedded database's WASM throws plain objects): its message, or its fields. */
export function describeThrown(thrown: unknown): string {
  if (typeof thrown !== 'object' || thrown === null) return String(thrown);
  const message = (thrown as { message?: unknown }).message;
  if (typeof message === 'string' && message) return message;
  try {
    return JSON.stringify(thrown) ?? String(thrown);
  } catch {
    return String(thrown);
  }
}
