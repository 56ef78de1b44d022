import ipaddr from 'ipaddr.js';
import { BadUserInputError } from '@giaoviec/shared';

/**
 * Where a webhook may point (no SSRF). In production only `https`, and every address the host
 * names or resolves to must be public: no loopback, private, link-local, unique-local,
 * unspecified, shared (CGNAT), multicast, reserved or cloud-metadata address, in any notation
 * (URL parsing normalises `0x7f.1`, `2130706433`, `[::ffff:127.0.0.1]`...; IPv4-mapped IPv6 is
 * checked as the IPv4 it maps). `WEBHOOK_ALLOWED_HOSTS` names internal hosts allowed anyway. In
 * development `http` and loopback are allowed too, so that a local receiver works.
 */
export interface UrlPolicy {
  production: boolean;
  /** Host names (lower case) exempt from the address check. */
  allowedHosts: ReadonlySet<string>;
}

/** `NODE_ENV=production` and `WEBHOOK_ALLOWED_HOSTS` (comma-separated host names). */
export function urlPolicyFromEnvironment(env: NodeJS.ProcessEnv = process.env): UrlPolicy {
  const hosts = (env.WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  return { production: env.NODE_ENV === 'production', allowedHosts: new Set(hosts) };
}

/** Public unicast addresses that are metadata services all the same (Azure's wire server). */
const METADATA_ADDRESSES = new Set(['168.63.129.16']);

/** What an address is, as ipaddr.js names its ranges; `unicast` is a public address. */
function rangeOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'metadata';
  return parsed.range();
}

/** Whether a webhook may be sent to this address under the policy. */
export function isAllowedAddress(address: string, policy: UrlPolicy): boolean {
  const range = rangeOf(address);
  return range === 'unicast' || (!policy.production && range === 'loopback');
}

/** An IP literal's address without IPv6 brackets, or null for a host name. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

const MAX_URL_LENGTH = 2000;

/**
 * Checks a webhook URL as written (no DNS): its scheme, no credentials in it, and an IP literal's
 * address. BAD_USER_INPUT on `field` otherwise. Names are resolved and checked at each delivery.
 */
export function checkWebhookUrl(text: string, policy: UrlPolicy, field = 'url'): URL {
  if (text.length > MAX_URL_LENGTH)
    throw new BadUserInputError(`url must be at most ${MAX_URL_LENGTH} characters`, field);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadUserInputError('url is not an absolute URL', field);
  }
  const schemes = policy.production ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol))
    throw new BadUserInputError(`url must use ${policy.production ? 'https' : 'http or https'}`, field);
  if (url.username || url.password) throw new BadUserInputError('url must not carry credentials', field);
  if (!url.hostname) throw new BadUserInputError('url has no host', field);
  if (policy.allowedHosts.has(url.hostname.toLowerCase())) return url;
  const literal = literalAddress(url.hostname);
  if (literal !== null && !isAllowedAddress(literal, policy))
    throw new BadUserInputError('url must name a public address', field);
  if (literal === null && /^(localhost|.*\.localhost|.*\.internal|.*\.local)$/i.test(url.hostname) && policy.production)
    throw new BadUserInputError('url must name a public host', field);
  return url;
}

/** Resolves a host name to every address it has. */
export type Resolve = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/**
 * The address to connect to for a URL: every address the host resolves to is checked (one bad
 * address refuses the whole name, so a rebinding answer cannot slip one in), and the connection
 * goes to the first checked one, never to a second resolution.
 */
export async function checkedAddress(
  url: URL,
  policy: UrlPolicy,
  resolve: Resolve,
): Promise<{ address: string; family: number }> {
  const literal = literalAddress(url.hostname);
  const exempt = policy.allowedHosts.has(url.hostname.toLowerCase());
  if (literal !== null) {
    if (!exempt && !isAllowedAddress(literal, policy)) throw new Error(`${literal} is not a public address`);
    return { address: literal, family: literal.includes(':') ? 6 : 4 };
  }
  const addresses = await resolve(url.hostname);
  if (addresses.length === 0) throw new Error(`${url.hostname} has no address`);
  const refused = addresses.find(({ address }) => !exempt && !isAllowedAddress(address, policy));
  if (refused) throw new Error(`${url.hostname} resolves to ${refused.address}, which is not a public address`);
  return addresses[0]!;
}
