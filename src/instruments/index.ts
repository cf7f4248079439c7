/** Public surface of the instruments area: scores, CTCAE lab grading, immune panels, dose holds, visit forms. */
export { instrumentsErrors } from './errors.js';
export * from './scores/instrument.js';
export { validateItems, type ItemIssue } from './scores/validate-items.js';
export { instrumentForms, instruments, getInstrument, isInstrumentId, scoreInstrument, validateInstrumentItems } from './scores/registry.js';
export { alsfrsProgressionRate, DAYS_PER_MONTH, type AlsfrsProgression } from './scores/alsfrs-r.js';
export { sri4, type Sri4Input, type Sri4Result } from './scores/sri4.js';
export { gradeLab, proposedAdverseEvents, type CtcaeGrade, type LabGrading, type LabResult, type ProposedAdverseEvent } from './ctcae/grade-lab.js';
export { labCriteria, type LabCriterion } from './ctcae/lab-criteria.js';
export { convertLab, labAnalytes, labUnits, labUnitTable, type LabAnalyte, type LabUnit } from './ctcae/lab-units.js';
export { gatingHierarchy, subsetIds, type Subset, type SubsetId } from './immune/gating.js';
export { comparePanels, computePanel, type Panel, type PanelChange, type PanelInput } from './immune/panel.js';
export { doseHoldRuleSchema, parseDoseHoldRules, type DoseHoldRule } from './dose-holds/rules.js';
export { doseHoldDays, holdsOnDoseDays, type DatedAdverseEvent, type DatedLab, type DoseHold, type ParticipantRecord } from './dose-holds/hold-days.js';
export { visitForm, visitForms, type FieldInput, type FormField, type FormSection, type VisitForm } from './visit-forms/visit-forms.js';
export { checkVisitDate, type VisitDateCheck, type VisitDateStatus } from './visit-forms/check-visit-date.js';
export { gradeParticipantLabs, type LabRange, type ParticipantLab, type ParticipantLabGrading } from './ctcae/grade-participant-labs.js';
export { analyteNamed } from './ctcae/analyte-names.js';
