import { SignJWT, jwtVerify } from 'jose';
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
  try {
    const { payload } = await jwtVerify(token, secret(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    return {
      id: String(payload.sub),
      name: typeof payload.name === 'string' ? payload.name : undefined,
      roles,
      organisationId: typeof payload.org === 'string' ? payload.org : undefined,
    };
  } catch {
    throw new UnauthenticatedError('This service answers only requests sent through the gateway');
  }
}

/** A service acting on its own (loading demo data), with read access, as a user the logs name. */
export function serviceUser(service: string): RequestUser {
  return { id: `service:${service}`, name: `service ${service}`, roles: ['LEADER'] };
}
