/**
 * Security headers on every response, with a Content Security Policy for the console: our own scripts only (no
 * inline script), no framing by anyone, and only our own origin to talk to. MapLibre needs `worker-src blob:` (its
 * worker is created from a Blob) and `img-src data: blob:` (sprites and canvases). The console's headers come from
 * Hono's secureHeaders.
 * API answers are data, never documents: a policy that allows nothing at all, and the same protective headers, as
 * one constant object (API_SECURITY_HEADERS) that the tiles' fast path (tiles/fast-path.ts), which answers before
 * Hono, sends too.
 * HSTS is sent only over HTTPS (directly or via a trusted proxy): over plain HTTP it would mean nothing.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { requestIsHttps, type TrustedProxies } from './client-address.js';
import type { AppEnv } from './env.js';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  manifestSrc: ["'self'"],
};

// The grid officer's "am I inside my grid?" asks for the position; nothing else is needed.
const PERMISSIONS: SecureHeadersOptions['permissionsPolicy'] = { geolocation: ['self'], camera: false, microphone: false, payment: false, usb: false };
const PERMISSIONS_POLICY = 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()';

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Every API answer's security headers (what secureHeaders sends for the console, with a CSP that allows nothing). */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

const consoleHeaders: SecureHeadersOptions = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: false,
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: PERMISSIONS,
  contentSecurityPolicy: CONSOLE_CSP,
};

export function securityHeaders(trusted: TrustedProxies): MiddlewareHandler<AppEnv> {
  const forConsole: MiddlewareHandler<AppEnv> = secureHeaders(consoleHeaders);
  const forApi: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
  return async (c, next) => {
    await (c.req.path.startsWith('/api/') ? forApi : forConsole)(c, next);
    if (requestIsHttps(c, trusted)) c.header('Strict-Transport-Security', HSTS);
  };
}
