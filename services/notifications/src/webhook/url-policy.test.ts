import { checkWebhookUrl, checkedAddress, isAllowedAddress, type UrlPolicy } from './url-policy';

const production: UrlPolicy = { production: true, allowedHosts: new Set() };
const development: UrlPolicy = { production: false, allowedHosts: new Set() };
const refusedIn = (policy: UrlPolicy, url: string) => {
  try {
    checkWebhookUrl(url, policy);
    return null;
  } catch (error) {
    return (error as { extensions: { code: string; field: string } }).extensions;
  }
};

describe('webhook URLs in production', () => {
  it('accept a public https URL', () => {
    expect(refusedIn(production, 'https://hooks.example.vn/giaoviec')).toBeNull();
    expect(refusedIn(production, 'https://203.113.131.1/hook')).toBeNull();
  });

  it.each([
    'http://hooks.example.vn/',
    'ftp://hooks.example.vn/',
    'not a url',
    'https://user:pass@hooks.example.vn/',
    'https://localhost/',
    'https://metadata.google.internal/',
    'https://127.0.0.1/',
    'https://127.1/',
    'https://2130706433/',
    'https://0x7f000001/',
    'https://0177.0.0.1/',
    'https://0/',
    'https://0.0.0.0/',
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://100.100.100.200/',
    'https://168.63.129.16/',
    'https://[::1]/',
    'https://[::]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[fe80::1]/',
    'https://[fd00:ec2::254]/',
    'https://[fc00::1]/',
    'https://[64:ff9b::a00:1]/',
    'https://[2002:7f00:1::]/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
  ])('refuse %s with BAD_USER_INPUT on url', (url) => {
    expect(refusedIn(production, url)).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
  });

  it('allow a named internal host of WEBHOOK_ALLOWED_HOSTS', async () => {
    const policy = { production: true, allowedHosts: new Set(['hooks.internal']) };
    expect(refusedIn(policy, 'https://hooks.internal/')).toBeNull();
    const resolved = await checkedAddress(new URL('https://hooks.internal/'), policy, async () => [
      { address: '10.1.2.3', family: 4 },
    ]);
    expect(resolved.address).toBe('10.1.2.3');
  });
});

describe('webhook URLs in development', () => {
  it('allow http and loopback, for a local receiver', () => {
    expect(refusedIn(development, 'http://127.0.0.1:8080/hook')).toBeNull();
    expect(refusedIn(development, 'http://localhost:8080/hook')).toBeNull();
    expect(refusedIn(development, 'http://[::1]:8080/hook')).toBeNull();
  });

  it('still refuse private and metadata addresses', () => {
    expect(refusedIn(development, 'http://169.254.169.254/')).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(refusedIn(development, 'http://192.168.0.1/')).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
  });
});

describe('the address a delivery connects to', () => {
  const url = new URL('https://hooks.example.vn/');

  it('is the first resolved address when every one is public', async () => {
    const resolved = await checkedAddress(url, production, async () => [
      { address: '203.113.131.1', family: 4 },
      { address: '2402:800::1', family: 6 },
    ]);
    expect(resolved).toEqual({ address: '203.113.131.1', family: 4 });
  });

  it('is refused when any resolved address is not public (DNS rebinding)', async () => {
    await expect(
      checkedAddress(url, production, async () => [
        { address: '203.113.131.1', family: 4 },
        { address: '::ffff:10.0.0.1', family: 6 },
      ]),
    ).rejects.toThrow(/not a public address/);
    await expect(checkedAddress(url, production, async () => [])).rejects.toThrow(/no address/);
  });

  it('checks an IP literal without resolving it', async () => {
    await expect(checkedAddress(new URL('https://127.0.0.1/'), production, async () => [])).rejects.toThrow();
    expect(isAllowedAddress('127.0.0.1', development)).toBe(true);
    expect(isAllowedAddress('::ffff:127.0.0.1', development)).toBe(true);
  });
});
