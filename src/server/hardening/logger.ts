import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The server's structured log (pino, through Fastify). It must hold no personal data and no
 * secrets: requests are logged by method, path (no query string, which can carry codes or dates of
 * birth) and request id; credentials are redacted wherever they might appear.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.token',
  'password',
  'token',
];

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const options = {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Each request's id: random (a client cannot choose one), returned as `x-request-id` to quote in a report. */
export const requestIdOptions = { genReqId: () => randomUUID(), requestIdHeader: false as const };
