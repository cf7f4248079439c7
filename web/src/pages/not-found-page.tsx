import { Link } from '../components/link.js';
import { Page } from '../components/page.js';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <Page title="Page not found">
      <p>
        There is no page at <code>{path}</code>. <Link to={{ kind: 'studies' }}>Go to the studies</Link>.
      </p>
    </Page>
  );
}
