/**
 * FNV-1a 32-bit hash: stable across processes, platforms and the browser, which is what makes
 * an A/B split sticky for a contact.
 */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A bucket 0–99 for a key. */
export function percentBucket(key: string): number {
  return stableHash(key) % 100;
}
