import { SignJWT } from 'jose';

import { DEVELOPMENT_JWT_SECRET } from './authenticate';

/** A 12-hour bearer token signed with the development secret, to try the API locally. */
export function signDevelopmentToken(sub: string, name: string, roles: string[], org?: string): Promise<string> {
  return new SignJWT({ name, roles, org })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
}
