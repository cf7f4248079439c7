import { adminApi } from '../../api/admin.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { useLoad } from '../../use-load.js';
import { SitesSection } from './sites-section.js';
import { StudiesSection } from './studies-section.js';
import { UsersSection } from './users-section.js';

/** The Administration area: studies from protocol files, their sites, and the accounts with their roles. */
export function AdminPage() {
  const [studies, reload] = useLoad(() => adminApi.studies(), 'admin/studies');
  return (
    <Page title="Administration">
      <Loaded state={studies} what="the studies">
        {(list) => (
          <>
            <StudiesSection studies={list} onChanged={reload} />
            <SitesSection studies={list} />
            <UsersSection studies={list} />
          </>
        )}
      </Loaded>
    </Page>
  );
}
