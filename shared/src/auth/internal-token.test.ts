import { signUserToken, verifyUserToken } from './internal-token';

const office = { id: 'u1', name: 'Chánh Văn phòng', roles: ['OFFICE' as const], organisationId: 'vp' };

describe('the user token between the gateway and the subgraphs', () => {
  const saved = process.env.INTERNAL_TOKEN_SECRET;
  afterEach(() => {
    process.env.INTERNAL_TOKEN_SECRET = saved;
  });

  it('is signed once per user while young, and differs when anything about the user differs', async () => {
    process.env.INTERNAL_TOKEN_SECRET = 'a'.repeat(32);
    const first = await signUserToken(office);
    expect(await signUserToken({ ...office })).toBe(first);
    expect(await signUserToken({ ...office, roles: ['OFFICE', 'LEADER'] })).not.toBe(first);
    expect(await signUserToken({ ...office, organisationId: 'sxd' })).not.toBe(first);
    expect(await verifyUserToken(first)).toEqual(office);
  });

  it('a token verified once is refused after the shared secret changes', async () => {
    process.env.INTERNAL_TOKEN_SECRET = 'b'.repeat(32);
    const token = await signUserToken(office);
    expect(await verifyUserToken(token)).toEqual(office);
    process.env.INTERNAL_TOKEN_SECRET = 'c'.repeat(32);
    await expect(verifyUserToken(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await signUserToken(office)).not.toBe(token);
  });
});
