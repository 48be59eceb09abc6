/**
 * What a web page on another site can make a browser send to Archie, refused on the routes that act without
 * a platform signature (the web chat API, Teams in local unauthenticated mode):
 * - a Host that is not ours: DNS rebinding, where evil.example resolves to 127.0.0.1 and the page then
 *   reads our answers as same-origin. Allowed: loopback names and the host of PUBLIC_URL.
 * - an Origin that is not the page's own: a cross-site POST (CSRF).
 * - a body that is not `application/json`: the only type a cross-site page can send without the
 *   browser asking first (a CORS preflight, which Archie never grants) is a "simple" one such as text/plain.
 */
import type { RequestHandler } from 'express';
import { isLoopbackHost } from '../config/load-config.js';

export interface BrowserGuardOptions {
  /** PUBLIC_URL: its host is allowed besides the loopback names, and its origin as an Origin. */
  publicUrl?: string;
}

const refuse = (res: Parameters<RequestHandler>[1], status: number, error: string) =>
  void res.status(status).json({ error });

/** The hostname of a Host header value (`localhost:3978`, `[::1]:3978`), lowercased; undefined if malformed. */
function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Refuses requests from another site or under a foreign Host name (403), with a sentence saying why. */
export function browserGuard(options: BrowserGuardOptions = {}): RequestHandler {
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : undefined;
  const publicHost = publicUrl?.hostname.toLowerCase();
  const hostAllowed = (hostname: string | undefined) =>
    hostname !== undefined && (isLoopbackHost(hostname) || hostname === publicHost);

  return (req, res, next) => {
    const host = req.headers.host;
    if (!hostAllowed(hostnameOf(host))) {
      return refuse(
        res,
        403,
        `Archie does not answer requests for the address “${host ?? ''}”. Open it at http://localhost:<port>/, or set PUBLIC_URL to the address you use.`,
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !sameSite(origin, host!, publicUrl)) {
      return refuse(res, 403, 'Requests from other web sites are refused.');
    }
    next();
  };
}

/** The page's own origin (same host and port as the request), or PUBLIC_URL's origin. */
function sameSite(origin: string, host: string, publicUrl: URL | undefined): boolean {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return url.host.toLowerCase() === host.toLowerCase() || url.origin === publicUrl?.origin;
  } catch {
    // "null" (sandboxed frames, file: pages) and anything unparseable.
    return false;
  }
}

/** 415 for a request whose body is not declared `application/json` (GET and HEAD pass). */
export function requireJson(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.is('application/json')) return next();
    refuse(res, 415, 'Send the request body as JSON, with the header Content-Type: application/json.');
  };
}
