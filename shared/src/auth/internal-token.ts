import { SignJWT, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { RequestUser } from '../context';
import { UnauthenticatedError } from '../errors';
import { isRole } from './roles';

/** The header that carries the gateway's proof of the verified user to the subgraphs. */
export const USER_TOKEN_HEADER = 'x-giaoviec-user-token';

const ISSUER = 'giaoviec-gateway';
const AUDIENCE = 'giaoviec-subgraphs';
const LIFETIME_SECONDS = 60;
// Local development only: production refuses to start without INTERNAL_TOKEN_SECRET.
const DEVELOPMENT_SECRET = 'giaoviec-development-internal-secret-not-for-production';

function secret(): Uint8Array {
  const configured = process.env.INTERNAL_TOKEN_SECRET;
  if (!configured && process.env.NODE_ENV === 'production') {
    throw new Error('INTERNAL_TOKEN_SECRET must be set in production');
  }
  return new TextEncoder().encode(configured ?? DEVELOPMENT_SECRET);
}

/** Fails at start, not at the first request, when production lacks the shared secret. */
export function checkInternalTokenConfiguration(): void {
  const configured = process.env.INTERNAL_TOKEN_SECRET;
  if (configured !== undefined && configured.length < 32)
    throw new Error('INTERNAL_TOKEN_SECRET must have at least 32 characters');
  secret();
}

/**
 * A short-lived token (HS256, a secret the gateway and the subgraphs share) naming the user the
 * gateway verified: subgraphs trust nothing else, so a subgraph called directly refuses everything.
 */
export async function signUserToken(user: RequestUser): Promise<string> {
  // One token per user while it has more than half its life left: signing (and, in every
  // subgraph, verifying) once per request costs more than the rest of a cached query.
  const key = `${process.env.INTERNAL_TOKEN_SECRET ?? ''}|${JSON.stringify([user.id, user.name, user.roles, user.organisationId])}`;
  const cached = signedTokens.get(key);
  if (cached) return cached;
  const token = await signFreshUserToken(user);
  signedTokens.set(key, token);
  return token;
}

/** Tokens signed for users, kept for half their lifetime. */
const signedTokens = new LRUCache<string, string>({ max: 10_000, ttl: (LIFETIME_SECONDS / 2) * 1000 });
/** Tokens already verified, with their user, until they expire. */
const verifiedTokens = new LRUCache<string, RequestUser>({ max: 10_000, ttl: LIFETIME_SECONDS * 1000 });

function signFreshUserToken(user: RequestUser): Promise<string> {
  return new SignJWT({ name: user.name, roles: user.roles, org: user.organisationId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(secret());
}

/** The user a subgraph request carries; UNAUTHENTICATED without a valid gateway token. */
export async function verifyUserToken(token: string | string[] | undefined): Promise<RequestUser> {
  if (typeof token !== 'string' || token.length === 0) {
    throw new UnauthenticatedError('This service answers only requests sent through the gateway');
  }
  const key = `${process.env.INTERNAL_TOKEN_SECRET ?? ''}|${token}`;
  const known = verifiedTokens.get(key);
  if (known) return known;
  try {
    const { payload } = await jwtVerify(token, secret(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    const user: RequestUser = {
      id: String(payload.sub),
      name: typeof payload.name === 'string' ? payload.name : undefined,
      roles,
      organisationId: typeof payload.org === 'string' ? payload.org : undefined,
    };
    // Never past the token's own expiry.
    verifiedTokens.set(key, user, { ttl: Math.max(1, (payload.exp ?? 0) * 1000 - Date.now()) });
    return user;
  } catch {
    throw new UnauthenticatedError('This service answers only requests sent through the gateway');
  }
}

/** A service acting on its own (loading demo data), with read access, as a user the logs name. */
export function serviceUser(service: string): RequestUser {
  return { id: `service:${service}`, name: `service ${service}`, roles: ['LEADER'] };
}
