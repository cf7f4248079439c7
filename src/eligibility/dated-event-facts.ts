import { eventFact, type FactDefinition } from './fact-definition.js';

/** Dated events with no code of their own (dated-events.ts reads them). */
export const datedEventFacts: readonly FactDefinition[] = [
  // A stay, not its admission: "hospitalised within 3 months" holds for a stay that ended within them.
  eventFact('last_hospitalisation', 'Last day the patient spent in hospital as an inpatient (the screening date if in hospital now), or never.'),
  eventFact('last_delivery', 'Date the patient last gave birth, or never.'),
  // ClinicalTrials.gov "Study Type: Interventional", as for in_other_interventional_trial (status-facts.ts).
  eventFact(
    'last_other_interventional_trial',
    'Date the patient last took part in another interventional study (a clinical trial assigning an intervention by its protocol; not an observational study or registry), the screening date if still taking part, or never.',
  ),
  // Level 3 hypoglycaemia: altered mental or physical status needing another person's help to recover (International
  // Hypoglycaemia Study Group, Diabetes Care 2017;40:155-157; ADA Standards of Care in Diabetes, section 6).
  eventFact('last_severe_hypoglycaemia', 'Date of the most recent severe (level 3) hypoglycaemia, one needing the help of another person to recover, or never.'),
];
