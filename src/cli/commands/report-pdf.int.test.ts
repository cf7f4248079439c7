import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../analysis/report/build-report.js';
import { renderReportHtml } from '../../analysis/report/render-html.js';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { builtinProtocols } from '../../protocol/builtin/index.js';
import { loadAnalysisData } from '../../use-cases/analysis-data.js';
import { openStore } from '../../store/open-store.js';
import { createStudy, findStudy } from '../../store/studies.js';
import { lockStudy } from '../../use-cases/lock-study.js';
import { printPdf } from '../print-pdf.js';
import { cli } from './run-cli.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const today = '2025-06-02';
const dir = mkdtempSync(join(tmpdir(), 'il2trials-report-pdf-'));
const data = join(dir, 'data');

beforeAll(async () => {
  const { db } = await openStore({ dataDir: data, databaseUrl: '' });
  for (const p of builtinProtocols) await createStudy(db, { actor: 'test', at }, p);
  await loadDemoCohorts(db, 1, today, at);
  for (const p of builtinProtocols) await lockStudy(db, { actor: 'test', at }, p.id, 'final analysis');
  await db.close();
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report of each demo seed study', () => {
  it('prints to PDF with no "NaN" and no "= <" in what is printed, pooled and by arm', async () => {
    const { db } = await openStore({ dataDir: data, databaseUrl: '', readOnly: true });
    try {
      for (const p of builtinProtocols) {
        const study = (await findStudy(db, p.id))!;
        for (const view of ['pooled', 'by-arm'] as const) {
          const html = renderReportHtml(buildReport(await loadAnalysisData(db, study, today), { id: p.id, lockedAt: at.toISOString() }, today, { kind: view }));
          expect(html, `${p.id} ${view}`).not.toMatch(/NaN/);
          expect(html, `${p.id} ${view}`).not.toMatch(/= </);
          // Every plot is a figure with a caption (its title) and a text alternative.
          // A plot with a legend nests Observable Plot's own <figure>, so split on our figures' openings.
          const figures = html.split('<figure class="plot">').slice(1);
          expect(figures.length, p.id).toBeGreaterThanOrEqual(3); // CONSORT diagram, forest plot, at least one data plot
          for (const f of figures) expect(f).toMatch(/^<figcaption>[^<]+<\/figcaption>[\s\S]*?<p class="alt"[^>]*>[^<]+<\/p><\/figure>/);
          if (view === 'by-arm') {
            const pdf = await printPdf(html);
            expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          }
        }
      }
    } finally {
      await db.close();
    }
  }, 300_000);

  it('il2trials report --format pdf writes the PDF', () => {
    const out = join(dir, 'ss.pdf');
    const r = cli('report', '--study', 'ss-il2', '--out', out, '--format', 'pdf', '--data', data, '--by-arm', '--date', today, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ study: 'ss-il2', format: 'pdf', view: 'by-arm' });
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('says clearly when Chromium is absent', async () => {
    await expect(printPdf('<p>x</p>', join(dir, 'no-chromium'))).rejects.toMatchObject({
      code: 'REPORT_CHROMIUM_MISSING',
      message: expect.stringMatching(/^Chromium is not installed at .*apt-get install chromium/),
    });
  });
});
