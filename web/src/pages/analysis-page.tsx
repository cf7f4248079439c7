import { Link } from '../components/link.js';
import { Page } from '../components/page.js';

/**
 * The study's analysis report as the server renders it (report.html). Shown in a sandboxed frame:
 * the report is a document of its own, and the server masks it for the viewer's role.
 */
export function AnalysisPage({ studyId }: { studyId: string }) {
  const url = `/api/studies/${encodeURIComponent(studyId)}/report.html`;
  return (
    <Page title="Analysis report">
      <p>
        <Link to={{ kind: 'dashboard', studyId }}>Back to the study</Link> ·{' '}
        <a href={url} target="_blank" rel="noreferrer">
          Open the report on its own
        </a>
      </p>
      <iframe className="report" title="Analysis report" src={url} sandbox="" />
    </Page>
  );
}
