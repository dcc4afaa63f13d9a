import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The header a sender signs the raw body with: `sha256=<hex HMAC-SHA256 of the body with the shared secret>`. */
export const SIGNATURE_HEADER = 'x-talentpulse-signature';

function sameDigest(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * True when the request proves it knows the secret: a valid HMAC of these exact bytes, or, for
 * senders that cannot sign, `Authorization: Bearer <secret>`. Compared in constant time.
 */
export function verifyHookRequest(secret: string, rawBody: Buffer, signature: string | undefined, authorization: string | undefined): boolean {
  if (signature !== undefined) {
    const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
    if (!match?.[1]) return false;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    return sameDigest(Buffer.from(match[1], 'hex'), expected);
  }
  const bearer = /^Bearer\s+(.+)$/.exec(authorization?.trim() ?? '')?.[1];
  if (bearer === undefined) return false;
  // Hashing both sides gives equal lengths, so the comparison leaks nothing about the secret's length.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return sameDigest(digest(bearer), digest(secret));
}
