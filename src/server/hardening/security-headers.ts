import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers (OWASP Secure Headers): a Content-Security-Policy the built web app works under
 * (its scripts and styles are files of its own; React sets styles through the DOM, which CSP
 * allows; Observable Plot's SVG carries a <style> element, hence 'unsafe-inline' for styles only),
 * framing by this origin only (frame-ancestors 'self' against clickjacking: the web app shows the
 * analysis report in a frame of its own), nosniff and no Referer leaving the site.
 * HSTS only with secure cookies, that is behind TLS.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.secure ? { maxAge: 31536000 } : false,
  });
  // API answers hold trial data: never kept by a browser or a proxy cache.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    return payload;
  });
}
