import type { FormDefinitionInput } from './form-schema.js';

/** A form with every item type, ranges, branching and a repeating group, for the forms tests. */
export const sampleForm: FormDefinitionInput = {
  id: 'sample',
  version: '2',
  title: 'Sample visit form',
  source: 'Test form (no published source)',
  lookups: [
    {
      id: 'norm',
      source: 'test table',
      rows: [
        [0, 0],
        [1, 20],
        [2, 50],
        [3, 100],
      ],
    },
  ],
  items: [
    {
      id: 'weight',
      type: 'decimal',
      label: 'Body weight',
      required: true,
      units: [{ unit: 'kg' }, { unit: 'lb', factor: 0.45359237 }],
      precision: 1,
      hard: { min: 20, max: 300 },
      soft: { min: 40, max: 150 },
    },
    { id: 'pain', type: 'integer', label: 'Pain 0-10', required: true, hard: { min: 0, max: 10 } },
    { id: 'fatigue', type: 'integer', label: 'Fatigue 0-3', required: true, hard: { min: 0, max: 3 } },
    { id: 'score', type: 'calculated', label: 'Pain + 2 × fatigue', expression: '[pain] + 2 * [fatigue]' },
    { id: 'normalized', type: 'calculated', label: 'Fatigue normalized', expression: "lookup('norm', [fatigue])" },
    { id: 'smoker', type: 'yes-no', label: 'Current smoker', required: true },
    { id: 'packs', type: 'decimal', label: 'Packs a day', required: true, showIf: '[smoker] = 1', precision: 1, hard: { min: 0, max: 10 } },
    {
      id: 'sex',
      type: 'single-choice',
      label: 'Sex',
      required: true,
      choices: [
        { code: 1, label: 'Female' },
        { code: 2, label: 'Male' },
      ],
    },
    {
      id: 'symptoms',
      type: 'multiple-choice',
      label: 'Symptoms',
      choices: [
        { code: 'fever', label: 'Fever' },
        { code: 'rash', label: 'Rash' },
      ],
    },
    { id: 'fever-c', type: 'decimal', label: 'Highest temperature', showIf: '[symptoms(fever)]', units: [{ unit: '°C' }], precision: 1 },
    { id: 'seen', type: 'date', label: 'Date seen', required: true },
    { id: 'at', type: 'time', label: 'Time of sampling' },
    { id: 'note', type: 'text', label: 'Note', maxLength: 20 },
    { id: 'scan', type: 'file', label: 'Scan report' },
    {
      id: 'pregnancy',
      type: 'group',
      label: 'Pregnancy',
      showIf: '[sex] = 1',
      items: [{ id: 'pregnant', type: 'yes-no', label: 'Pregnant', required: true }],
    },
    {
      id: 'meds',
      type: 'group',
      label: 'Concomitant medications',
      repeating: true,
      maxRows: 3,
      items: [
        { id: 'drug', type: 'text', label: 'Drug', required: true },
        { id: 'dose', type: 'decimal', label: 'Daily dose', required: true, units: [{ unit: 'mg' }, { unit: 'g', factor: 1000 }], hard: { min: 0 } },
        { id: 'dose-per-kg', type: 'calculated', label: 'Dose per kg', expression: '[dose] / [weight]', precision: 2, unit: 'mg/kg' },
        { id: 'stopped', type: 'date', label: 'Stopped', showIf: "[drug] <> 'ongoing'" },
      ],
    },
  ],
  scoring: { total: 'score', components: { normalized: 'normalized' } },
};
