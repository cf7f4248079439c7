import type { FastifyRequest } from 'fastify';
import type { Caller } from '../use-cases/use-case-context.js';
import { principalOf } from './context.js';

/** The signed-in user of a request as the caller of a use case (a 401 when nobody is signed in). */
export const callerOf = (req: FastifyRequest): Caller => ({ kind: 'user', principal: principalOf(req) });
