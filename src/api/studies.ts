import { z } from 'zod';
import { isoDate, isoDateTime } from './common.js';
import { slugSchema } from '../protocol/slug.js';

/** Studies, their sites, set-up and amendments. */

const studyStatus = z.enum(['design', 'live']);

export const studySummary = z.object({
  id: z.string(),
  protocolId: z.string(),
  title: z.string(),
  status: studyStatus,
  registryId: z.string().nullable(),
  phase: z.string(),
  enrolmentTarget: z.number(),
  enrolled: z.number(),
});

/**
 * One study and its protocol as the reader may see it: a blinded reader's protocol has its arms
 * reduced to their ratios (and no block sizes); the protocol's full shape is `il2trials protocol schema`.
 */
export const studyDetail = z.object({
  study: z.object({ id: z.string(), protocolId: z.string(), protocolVersion: z.string(), title: z.string(), status: studyStatus, locked: z.boolean(), lockedAt: isoDateTime.nullable() }),
  protocol: z.looseObject({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    arms: z.array(z.looseObject({ ratio: z.number() })),
    visits: z.array(z.looseObject({ id: z.string(), name: z.string(), day: z.number() })),
  }),
});

export const site = z.looseObject({ id: z.string(), name: z.string() });

/** A study as set up: created as a design, activated (with its allocation list sealed). */
export const studySetup = z.object({ id: z.string(), title: z.string(), status: studyStatus, protocolVersion: z.string() });
export const activatedStudy = studySetup.extend({ allocationEntries: z.number() });

const protocolChange = z.object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']) });

export const amendment = z.object({
  studyId: z.string(),
  fromVersion: z.string(),
  version: z.string(),
  effectiveDate: isoDate,
  changes: z.array(protocolChange),
  reconsentVersion: z.string().nullable(),
});

export const protocolVersions = z.object({
  current: z.string(),
  amendments: z.array(
    z.object({
      fromVersion: z.string().nullable(),
      version: z.string(),
      effectiveDate: isoDate,
      reason: z.string(),
      changes: z.array(protocolChange),
      reconsentVersion: z.string().nullable(),
      recordedAt: isoDateTime,
    }),
  ),
});

/** A site's range of one analyte; `assumed`: the default (typical adult values), since the site entered none. */
export const referenceRange = z.object({ analyte: z.string(), unit: z.string(), lln: z.number().optional(), uln: z.number().optional(), assumed: z.boolean() });

/** What an ODM import took in: its file, the forms from its MetaDataVersion, and the clinical data counts. */
export const odmImport = z.object({
  studyId: z.string(),
  fileOid: z.string(),
  fileType: z.enum(['Snapshot', 'Transactional']),
  forms: z.array(z.object({ id: z.string(), title: z.string(), items: z.number() })),
  participants: z.number(),
  visits: z.number(),
  values: z.number(),
  provenance: z.number(),
});

/** Request bodies. */
export const amendmentBody = z.object({
  protocol: z.record(z.string(), z.unknown()),
  effectiveDate: z.iso.date(),
  reason: z.string().trim().min(1, 'an amendment needs a reason'),
  reconsentVersion: z.string().trim().min(1).optional(),
});

/** Request bodies. */
export const newSiteBody = z.object({ id: slugSchema, name: z.string().trim().min(1).max(200) });
export const siteChangeBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), closedOn: z.iso.date().optional(), reason: z.string().trim().min(1).optional() })
  .refine((b) => b.name !== undefined || b.closedOn !== undefined, { message: 'give a new name or a closing date', path: ['name'] })
  .refine((b) => b.closedOn === undefined || b.reason !== undefined, { message: 'closing a site needs a reason', path: ['reason'] });
