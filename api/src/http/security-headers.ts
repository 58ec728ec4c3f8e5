/**
 * Security headers on every response (Hono's secureHeaders), with a Content Security Policy for the console:
 * our own scripts only (no inline script), no framing by anyone, and only our own origin to talk to. MapLibre
 * needs `worker-src blob:` (its worker is created from a Blob) and `img-src data: blob:` (sprites and canvases).
 * API answers get a policy that allows nothing at all: they are data, never documents.
 * HSTS is sent only over HTTPS (directly or via a trusted proxy): over plain HTTP it would mean nothing.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;
import { requestIsHttps, type TrustedProxies } from './client-address.js';
import type { AppEnv } from './env.js';

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

const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

const common: SecureHeadersOptions = {
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: false,
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  // The grid officer's "am I inside my grid?" asks for the position; nothing else is needed.
  permissionsPolicy: { geolocation: ['self'], camera: false, microphone: false, payment: false, usb: false },
};

export function securityHeaders(trusted: TrustedProxies): MiddlewareHandler<AppEnv> {
  const forApi = secureHeaders({ ...common, contentSecurityPolicy: API_CSP });
  const forConsole = secureHeaders({ ...common, contentSecurityPolicy: CONSOLE_CSP });
  return async (c, next) => {
    await (c.req.path.startsWith('/api/') ? forApi : forConsole)(c, next);
    if (requestIsHttps(c, trusted)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
