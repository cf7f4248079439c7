import { AppError } from '../../errors/app-error.js';
import { hardeningErrors } from './errors.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence by origin (OWASP CSRF cheat sheet, "Verifying origin with
 * standard headers"): a state-changing request whose Origin, or failing that Referer, names
 * another host than the one it was sent to is refused. Browsers send Origin on every cross-origin
 * POST, PUT, PATCH and DELETE, so a request with neither header comes from a script or a tool,
 * which cannot ride on a victim's cookie; it is let through. `Origin: null` (sandboxed frames,
 * some redirects) is refused.
 */
export function checkOrigin(req: { method: string; host: string; headers: Record<string, string | string[] | undefined> }): void {
  if (safeMethods.has(req.method)) return;
  const origin = header(req.headers.origin) ?? header(req.headers.referer);
  if (origin === undefined) return;
  if (!sameHost(origin, req.host)) {
    throw new AppError(
      hardeningErrors.CROSS_ORIGIN_REFUSED,
      `A ${req.method} from ${origin === 'null' ? 'an opaque origin' : `"${origin.slice(0, 100)}"`} to ${req.host} is refused: state-changing requests must come from this site.`,
    );
  }
}

/** Compared as URLs of the origin's scheme, so `localhost:80` and `http://localhost` are one host. */
function sameHost(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    return from.host !== '' && from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

const header = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
