import { isStudyFormId } from '../../forms/study-forms.js';
import type { Protocol } from '../../protocol/schema.js';
import { isInstrumentId } from '../scores/registry.js';
import { fixedSections } from './visit-forms.js';

export interface AssessmentIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Every assessment due at a visit and every outcome's instrument the platform cannot record: not a
 * scored instrument, not a form of its own (labs, immune panel, NfL, adverse events), and not named
 * in `recordedOutsideEcrf`. Without this a misspelt id validates and the visit later refuses the data.
 */
export function unknownAssessments(protocol: Pick<Protocol, 'visits' | 'outcomes' | 'recordedOutsideEcrf' | 'forms'>): AssessmentIssue[] {
  const outside = new Set(protocol.recordedOutsideEcrf);
  const known = (id: string) => isInstrumentId(id) || isStudyFormId(protocol, id) || id in fixedSections || outside.has(id);
  const hint =
    'it is no instrument il2trials knows (see `il2trials score --list`), nor a built-in form (roads, nfl, als-cytokines, moca, eq-5d-5l, sle-labs, ss-labs, als-labs) or one of the forms the protocol defines, nor labs, immune-panel or adverse-events; list it in recordedOutsideEcrf if it is recorded elsewhere';
  const issues: AssessmentIssue[] = [];
  // Instruments and the fixed sections have entry paths of their own: a protocol form cannot take their ids.
  protocol.forms?.forEach((f, fi) => {
    if (isInstrumentId(f.id) || f.id in fixedSections)
      issues.push({ path: `forms[${fi}].id`, message: `form id "${f.id}" is taken by il2trials' own ${isInstrumentId(f.id) ? 'instrument' : 'section'} of that name; give the form another id` });
  });
  protocol.visits.forEach((v, vi) =>
    v.assessments.forEach((a, ai) => {
      if (!known(a)) issues.push({ path: `visits[${vi}].assessments[${ai}]`, message: `assessment "${a}" of visit ${v.id}: ${hint}` });
    }),
  );
  protocol.outcomes.forEach((o, oi) => {
    if (o.instrument !== undefined && !known(o.instrument)) issues.push({ path: `outcomes[${oi}].instrument`, message: `instrument "${o.instrument}" of outcome ${o.id}: ${hint}` });
  });
  return issues;
}
