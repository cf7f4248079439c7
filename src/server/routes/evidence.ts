import { z } from 'zod';
import { byDisease, publishedTrials, references, unpublishedTrials } from '../../evidence/index.js';
import type { RouteModule } from '../context.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';

const evidenceQuery = z.object({ disease: z.string().trim().min(1).optional() });

/** The review's tables (published and unpublished low-dose IL-2 trials), optionally for one disease. */
export const evidenceRoutes: RouteModule = (app) => {
  app.get('/api/evidence', { schema: { tags: ['evidence'], querystring: doc(evidenceQuery) }, config: { action: 'evidence.read' } }, async (req) => {
    const { disease } = parseInput(evidenceQuery, req.query, 'query');
    const rows = disease === undefined ? { published: publishedTrials, unpublished: unpublishedTrials } : byDisease(disease);
    return { ...rows, references };
  });
};
