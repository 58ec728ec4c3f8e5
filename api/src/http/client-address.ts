/**
 * Who is asking, and over what: the client's address (sign-in throttling, audit) and whether the request came over
 * HTTPS (Secure cookies, HSTS). Behind a reverse proxy the socket's peer is the proxy; its X-Forwarded-For and
 * X-Forwarded-Proto are believed only when that peer is a trusted proxy (TRUST_PROXY), because anyone else can
 * send those headers.
 */
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

export interface TrustedProxies {
  /** Whether a peer address is a trusted proxy. */
  trusts(address: string): boolean;
  readonly description: string;
}

const KEYWORDS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  // Container networks and intranet proxies.
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** TRUST_PROXY: comma-separated addresses, CIDR ranges and the keywords `loopback` and `private`; empty = nobody. */
export function parseTrustedProxies(spec: string): TrustedProxies {
  const list = new BlockList();
  const items = spec.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items.flatMap((i) => KEYWORDS[i.toLowerCase()] ?? [i])) {
    const [address, bits] = item.split('/') as [string, string | undefined];
    const family = isIP(address);
    if (!family) throw new Error(`'${item}' is not an IP address, a CIDR range or one of ${Object.keys(KEYWORDS).join(', ')}`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d{1,3}$/.test(bits) || prefix > (family === 6 ? 128 : 32)) throw new Error(`'${item}' has an invalid prefix length`);
      list.addSubnet(address, prefix, type);
    }
  }
  // Answers by address, remembered: BlockList.check builds a SocketAddress per call, and every request (every
  // tile) asks about its peer, which is one of a few addresses (the proxies, or the clients of a small office).
  const known = new Map<string, boolean>();
  return {
    description: items.join(', ') || 'none',
    trusts: (address) => {
      let answer = known.get(address);
      if (answer === undefined) {
        const plain = unmapIpv4(address);
        const family = isIP(plain);
        answer = family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
        if (known.size >= 10_000) known.clear();
        known.set(address, answer);
      }
      return answer;
    },
  };
}

/** '::ffff:127.0.0.1' (an IPv4 peer on a dual-stack socket) → '127.0.0.1'. */
const unmapIpv4 = (a: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a);

/** The socket's peer; undefined for in-process requests (tests call app.request without a socket). */
function peerAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const a = incoming?.socket?.remoteAddress;
  return a ? unmapIpv4(a) : undefined;
}

/**
 * The client's address: the peer, or — when the peer is a trusted proxy — the right-most X-Forwarded-For entry
 * that is not itself a trusted proxy (entries further left were written by the client and prove nothing).
 */
export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const peer = peerAddress(c) ?? 'local';
  if (!trusted.trusts(peer)) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => unmapIpv4(s.trim())).filter((s) => isIP(s));
  for (let i = forwarded.length - 1; i >= 0; i--) if (!trusted.trusts(forwarded[i]!)) return forwarded[i]!;
  return forwarded[0] ?? peer;
}

const forwardedHttps = (proto: string | undefined) => (proto ?? '').split(',')[0]!.trim().toLowerCase() === 'https';

/** Whether the client reached us over HTTPS: the URL's scheme, or a trusted proxy's X-Forwarded-Proto. */
export function requestIsHttps(c: Context, trusted: TrustedProxies): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  const peer = peerAddress(c);
  if (!peer || !trusted.trusts(peer)) return false;
  return forwardedHttps(c.req.header('x-forwarded-proto'));
}

/** The same decision on Node's own request (the tiles' fast path answers before Hono makes a Context). */
export function incomingIsHttps(req: IncomingMessage, trusted: TrustedProxies): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const peer = req.socket.remoteAddress;
  if (!peer || !trusted.trusts(unmapIpv4(peer))) return false;
  const proto = req.headers['x-forwarded-proto'];
  return forwardedHttps(Array.isArray(proto) ? proto[0] : proto);
}

/** The origin the client used (scheme://host[:port]), as seen through trusted proxies. */
export function requestOrigin(c: Context, trusted: TrustedProxies): string {
  const url = new URL(c.req.url);
  const peer = peerAddress(c);
  const viaProxy = peer !== undefined && trusted.trusts(peer);
  const host = (viaProxy && c.req.header('x-forwarded-host')?.split(',')[0]!.trim()) || c.req.header('host') || url.host;
  return `${requestIsHttps(c, trusted) ? 'https' : 'http'}://${host}`;
}

/** The origin links in our answers should use: PUBLIC_ORIGIN when set, otherwise the one the client used. */
export function publicOriginOf(c: Context, config: { publicOrigin?: string; trustedProxies: TrustedProxies }): string {
  return config.publicOrigin ?? requestOrigin(c, config.trustedProxies);
}
