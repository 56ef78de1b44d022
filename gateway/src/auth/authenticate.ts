import { DomainError, ROLES, UnauthenticatedError, isRole, isUuid, type RequestUser } from '@giaoviec/shared';
import { errors, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { createPublicKey } from 'node:crypto';

/** How the gateway checks bearer tokens (contract README, "Who may do what"). */
export interface AuthenticationOptions {
  /** HS256 with a shared secret (at least 32 characters). */
  secret?: string;
  /** RS256 or ES256 with the identity provider's public key (PEM). */
  publicKey?: string;
  /** RS256 or ES256 with the identity provider's published keys. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

/** Local development only: `npm start` prints it; production refuses to start without a key. */
export const DEVELOPMENT_JWT_SECRET = 'giaoviec-development-jwt-secret-not-for-production';

/** The gateway's authentication from the environment (JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE). */
export function authenticationFromEnvironment(env: NodeJS.ProcessEnv = process.env): AuthenticationOptions {
  const options: AuthenticationOptions = {
    secret: env.JWT_SECRET,
    publicKey: env.JWT_PUBLIC_KEY,
    jwksUrl: env.JWT_JWKS_URL,
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
  };
  if (!options.secret && !options.publicKey && !options.jwksUrl) {
    if (env.NODE_ENV === 'production') throw new Error('Set JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL in production');
    options.secret = DEVELOPMENT_JWT_SECRET;
  }
  return options;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Verifies `Authorization: Bearer <JWT>` and returns the user it names. Expired, not yet valid,
 * wrongly signed, unsigned (`alg: none`), other-algorithm and malformed tokens: UNAUTHENTICATED.
 */
export function createAuthenticator(
  options: AuthenticationOptions,
): (authorization: string | undefined) => Promise<RequestUser> {
  let key: Uint8Array | KeyLike | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ['RS256', 'ES256'];
  } else if (options.publicKey) {
    const publicKey = createPublicKey(options.publicKey);
    key = publicKey;
    algorithms = publicKey.asymmetricKeyType === 'ec' ? ['ES256'] : ['RS256'];
  } else {
    if (!options.secret || options.secret.length < 32) throw new Error('JWT_SECRET must have at least 32 characters');
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256'];
  }

  return async (authorization) => {
    if (!authorization) throw new UnauthenticatedError('Send `Authorization: Bearer <token>`');
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new UnauthenticatedError('The Authorization header is not `Bearer <JWT>`');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: 5,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('The token has expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') {
        throw new UnauthenticatedError('The token is not valid yet');
      }
      throw new UnauthenticatedError('The token is not valid');
    }
    // A malformed claim is a token we cannot read; a readable one without a role reads nothing.
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
      throw new UnauthenticatedError('The token’s `sub` must be a non-empty string');
    }
    if (!Array.isArray(payload.roles) || !payload.roles.every((role: unknown) => typeof role === 'string')) {
      throw new UnauthenticatedError('The token’s `roles` must be an array of strings');
    }
    if (payload.org !== undefined && !(typeof payload.org === 'string' && isUuid(payload.org))) {
      throw new UnauthenticatedError('The token’s `org` must be the id of a unit');
    }
    if (payload.name !== undefined && typeof payload.name !== 'string') {
      throw new UnauthenticatedError('The token’s `name` must be a string');
    }
    const roles = (payload.roles as string[]).filter(isRole);
    if (roles.length === 0) {
      throw new DomainError('FORBIDDEN', `The token carries no role of the role table (${ROLES.join(', ')})`, {
        http: { status: 403 },
      });
    }
    const organisationId = payload.org;
    if (roles.includes('UNIT') && !organisationId) {
      throw new UnauthenticatedError('A UNIT token must name its organisation (`org`)');
    }
    return { id: payload.sub, name: payload.name, roles, organisationId };
  };
}
