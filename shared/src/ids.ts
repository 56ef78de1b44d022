import { createHash } from 'node:crypto';

// Fixed namespace of Giao Việc's name-based ids (RFC 9562 version 5).
const NAMESPACE = Buffer.from('6f1c2b7e9d4a4e0b8c3f5a1d2e7b9c40', 'hex');

/** A stable UUID for a name, so demo and generated data get the same ids on every machine. */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque to clients, but only UUIDs can name a row: anything else names nothing. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}
