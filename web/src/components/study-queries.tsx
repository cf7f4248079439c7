import { useState } from 'react';
import { api, type QueryStatus, type SiteView } from '../api.js';
import { useLoad } from '../use-load.js';
import { Loaded } from './loaded.js';
import { QueryList } from './query-list.js';
import { SiteOptions } from './site-options.js';

const statuses: readonly QueryStatus[] = ['open', 'answered', 'closed'];

/** A study's data queries, by status (the server filters) and site (of the sites the user sees). */
export function StudyQueries({ studyId, sites }: { studyId: string; sites: readonly SiteView[] }) {
  const [status, setStatus] = useState<QueryStatus | ''>('');
  const [siteId, setSiteId] = useState('');
  const [queries, reload] = useLoad(() => api.queries(studyId, status || undefined), `queries/${studyId}/${status}`);
  return (
    <>
      <div className="row">
        <div className="field inline">
          <label htmlFor="query-status">Status</label>
          <select id="query-status" value={status} onChange={(e) => setStatus(e.target.value as QueryStatus | '')}>
            <option value="">all</option>
            {statuses.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        {sites.length > 1 ? (
          <div className="field inline">
            <label htmlFor="query-site">Site</label>
            <select id="query-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
              <option value="">all</option>
              <SiteOptions sites={sites} />
            </select>
          </div>
        ) : null}
      </div>
      <Loaded state={queries} what="the data queries">
        {(list) => <QueryList queries={siteId ? list.filter((q) => q.siteId === siteId) : list} onChanged={reload} />}
      </Loaded>
    </>
  );
}
