import { z } from 'zod';
import { sampleSizeQuery } from '../../api/sample-size.js';
import { findReportedEffect, noMatch, parseDoseRange, queryEvidence, references, reportedEffects, sampleSizeFromEffect } from '../../evidence/index.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

const evidenceQuery = z.object({ disease: z.string().trim().min(1).optional(), dose: z.string().trim().min(1).optional() });

/** The review's tables (published and unpublished low-dose IL-2 trials), optionally for one disease. */
export const evidenceRoutes: RouteModule = (app) => {
  app.get('/api/evidence', { schema: { tags: ['evidence'], querystring: doc(evidenceQuery) }, config: { action: 'evidence.read' } }, async (req) => {
    const { disease, dose } = parseInput(evidenceQuery, req.query, 'query');
    const query = { disease, dose: dose === undefined ? undefined : parseDoseRange(dose) };
    const rows = queryEvidence(query);
    // An empty result is an answer, not an error: the message says so.
    return { ...rows, references, ...(noMatch(rows, query) === null ? {} : { message: noMatch(rows, query) }) };
  });
  app.get('/api/evidence/effects', { schema: { tags: ['evidence'] }, config: { action: 'evidence.read' } }, async () => reportedEffects);
  app.get('/api/evidence/sample-size', { schema: { tags: ['evidence'], querystring: doc(sampleSizeQuery) }, config: { action: 'evidence.read' } }, async (req) => {
    const q = parseInput(sampleSizeQuery, req.query, 'query');
    return sampleSizeFromEffect(findReportedEffect({ id: q.effect, disease: q.disease }), { alpha: q.alpha, power: q.power, ratio: q.ratio });
  });
};
