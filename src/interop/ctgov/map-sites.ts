import type { ProtocolInput } from '../../protocol/schema.js';
import type { ReportCollector } from './import-report.js';
import type { ProtocolSection, RecordContact } from './record.js';
import { slugOf, uniqueId } from './record-text.js';

type SiteInput = ProtocolInput['sites'][number];
type ContactInput = NonNullable<ProtocolInput['contacts']>[number];
type NoteInput = NonNullable<ProtocolInput['notes']>[number];

const CL = 'protocolSection.contactsLocationsModule';
const siteStatuses: Readonly<Record<string, NonNullable<SiteInput['recruitmentStatus']>>> = {
  NOT_YET_RECRUITING: 'not-yet-recruiting',
  RECRUITING: 'recruiting',
  ENROLLING_BY_INVITATION: 'recruiting',
  ACTIVE_NOT_RECRUITING: 'active',
  COMPLETED: 'completed',
  TERMINATED: 'terminated',
  WITHDRAWN: 'withdrawn',
};

/** API v2 `OfficialRole` / `ContactRole` (PRINCIPAL_INVESTIGATOR) as the protocol writes roles (principal-investigator). */
const role = (r: string | undefined): string => (r ?? 'contact').toLowerCase().replace(/_/g, '-');

function contact(c: RecordContact): ContactInput | undefined {
  if (!c.name?.trim()) return undefined;
  return { name: c.name.trim(), role: role(c.role), ...(c.phone ? { phone: c.phone } : {}), ...(c.email ? { email: c.email } : {}), ...(c.affiliation ? { affiliation: c.affiliation } : {}) };
}

/** Sites (the record's locations), the study's contacts and officials, and its references as cited notes. */
export function mapSites(p: ProtocolSection, r: ReportCollector): { sites: SiteInput[]; contacts: ContactInput[]; references: NoteInput[] } {
  const cl = p.contactsLocationsModule;
  r.use(
    `${CL}.locations[].facility`,
    `${CL}.locations[].city`,
    `${CL}.locations[].state`,
    `${CL}.locations[].zip`,
    `${CL}.locations[].country`,
    `${CL}.locations[].status`,
    `${CL}.locations[].contacts`,
  );
  r.use(`${CL}.overallOfficials`, `${CL}.centralContacts`);
  const ids = new Set<string>();
  let unnamed = 0;
  const sites: SiteInput[] = (cl?.locations ?? []).map((l, i) => {
    const name = l.facility?.trim() || [l.city, l.country].filter(Boolean).join(', ') || `Site ${i + 1}`;
    if (!l.facility?.trim()) unnamed += 1;
    const status = l.status ? siteStatuses[l.status] : undefined;
    return {
      id: uniqueId(slugOf(name, `site-${i + 1}`), ids),
      name,
      ...(l.city ? { city: l.city } : {}),
      ...(l.state ? { region: l.state } : {}),
      ...(l.zip ? { postalCode: l.zip } : {}),
      ...(l.country ? { country: l.country } : {}),
      ...(status ? { recruitmentStatus: status } : {}),
      contacts: (l.contacts ?? []).flatMap((c) => contact(c) ?? []),
    };
  });
  if (unnamed > 0)
    r.assume(
      `${CL}.locations[].facility`,
      'sites[].name',
      `${unnamed} location(s) have no facility name; the draft names each after its city and country ("${sites.find((s) => s.name.includes(','))?.name}").`,
    );
  const officials = (cl?.overallOfficials ?? []).flatMap((c) => contact(c) ?? []);
  // The built-in protocols give the single site its principal investigator, as the record's page does.
  const [only] = sites;
  if (sites.length === 1 && only && only.contacts?.length === 0) only.contacts = officials.filter((o) => o.role === 'principal-investigator');
  if (sites.length === 0) {
    const sponsor = p.sponsorCollaboratorsModule?.leadSponsor?.name ?? 'Sponsor';
    sites.push({ id: slugOf(sponsor, 'site-1'), name: sponsor, contacts: [] });
    r.assume(`${CL}.locations`, 'sites[0]', `The record lists no locations; the draft has one site named after the sponsor (${sponsor}), to replace with the real sites.`);
  }
  const contacts = [...officials, ...(cl?.centralContacts ?? []).flatMap((c) => contact(c) ?? [])];
  r.use('protocolSection.referencesModule.references[].citation', 'protocolSection.referencesModule.references[].pmid', 'protocolSection.referencesModule.references[].type');
  const references: NoteInput[] = (p.referencesModule?.references ?? []).flatMap((ref) =>
    ref.citation
      ? [
          {
            kind: 'publication' as const,
            field: 'references',
            text: `Reference listed by the record (${ref.type ?? 'type not stated'}${ref.pmid ? `, PMID ${ref.pmid}` : ''}).`,
            source: ref.citation,
          },
        ]
      : [],
  );
  return { sites, contacts, references };
}
