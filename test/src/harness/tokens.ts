import { SignJWT } from 'jose';

/** The secret the test gateway verifies bearer tokens with. */
export const TEST_JWT_SECRET = 'giaoviec-test-secret-with-at-least-32-characters';

export interface TestClaims {
  sub?: string;
  name?: string;
  roles: string[];
  org?: string;
}

/** A bearer token as an identity provider would issue it (HS256, one hour, unless told otherwise). */
export async function testToken(
  claims: TestClaims,
  options: { secret?: string; expiresIn?: string | number; notBefore?: string | number } = {},
): Promise<string> {
  const jwt = new SignJWT({ name: claims.name, roles: claims.roles, org: claims.org })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub ?? `test-${claims.roles.join('-').toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h');
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}
