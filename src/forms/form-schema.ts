import { z } from 'zod';

/**
 * The form definition language: an eCRF or instrument as data. Published as JSON Schema in
 * schema/form.schema.json for people who write forms by hand; calculations and branching are
 * expressions of the project's own language (src/forms/expression), checked when a form is parsed.
 */

/** Item ids: what values, expressions (`[id]`) and stored observations carry. */
export const itemIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, "_" and "-"');

const range = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'min must not be above max' });
export type Range = z.infer<typeof range>;

const base = {
  id: itemIdSchema,
  label: z.string().min(1),
  help: z.string().optional(),
  /** Show the item only when this expression holds; a hidden item is neither required nor kept. */
  showIf: z.string().min(1).optional(),
};
const entered = {
  ...base,
  required: z.boolean().default(false),
};
const numeric = {
  /** Values outside are refused. */
  hard: range.optional(),
  /** Values outside are kept only when confirmed with a reason (and then raise a data query). */
  soft: range.optional(),
};

/** A unit a decimal may be entered in; `factor` converts it to the first (canonical) unit of the item. */
const unitSchema = z.object({ unit: z.string().min(1), factor: z.number().positive().default(1) });

const choiceSchema = z.object({
  /** The coded value stored and seen by expressions; numeric codes are numbers (scores multiply them). */
  code: z.union([z.number(), z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be letters, digits, "_", "." or "-"')]),
  label: z.string().min(1),
});
export type Choice = z.infer<typeof choiceSchema>;

export const integerItemSchema = z.object({ ...entered, ...numeric, type: z.literal('integer'), unit: z.string().min(1).optional() });
export const decimalItemSchema = z.object({
  ...entered,
  ...numeric,
  type: z.literal('decimal'),
  /** The first unit is canonical: ranges are in it, and values in another unit are converted to it. */
  units: z.array(unitSchema).min(1).optional(),
  /** Most decimals a value may have. */
  precision: z.number().int().min(0).max(10).optional(),
});
export const textItemSchema = z.object({ ...entered, type: z.literal('text'), maxLength: z.number().int().positive().optional() });
export const dateItemSchema = z.object({ ...entered, type: z.literal('date') });
export const timeItemSchema = z.object({ ...entered, type: z.literal('time') });
export const singleChoiceItemSchema = z.object({ ...entered, type: z.literal('single-choice'), choices: z.array(choiceSchema).min(2) });
export const multipleChoiceItemSchema = z.object({ ...entered, type: z.literal('multiple-choice'), choices: z.array(choiceSchema).min(1) });
export const yesNoItemSchema = z.object({ ...entered, type: z.literal('yes-no') });
/** An uploaded document's reference (its id in the document store), never the file itself. */
export const fileItemSchema = z.object({ ...entered, type: z.literal('file') });
export const calculatedItemSchema = z.object({
  ...base,
  type: z.literal('calculated'),
  expression: z.string().min(1),
  /** Decimals the result is rounded to (half away from zero); unrounded when left out. */
  precision: z.number().int().min(0).max(10).optional(),
  unit: z.string().min(1).optional(),
});

export const itemSchema = z.discriminatedUnion('type', [
  integerItemSchema,
  decimalItemSchema,
  textItemSchema,
  dateItemSchema,
  timeItemSchema,
  singleChoiceItemSchema,
  multipleChoiceItemSchema,
  yesNoItemSchema,
  fileItemSchema,
  calculatedItemSchema,
]);
export type Item = z.infer<typeof itemSchema>;
export type ItemType = Item['type'];

/**
 * A group of items. A repeating group (a cytokine list, concomitant medications) holds a list of rows;
 * its expressions read the row's items, then the form's. A plain group is a section: its items are
 * the form's own.
 */
export const groupSchema = z.object({
  ...base,
  type: z.literal('group'),
  repeating: z.boolean().default(false),
  minRows: z.number().int().min(0).optional(),
  maxRows: z.number().int().positive().optional(),
  items: z.array(itemSchema).min(1),
});
export type Group = z.infer<typeof groupSchema>;

export const formEntrySchema = z.discriminatedUnion('type', [...itemSchema.options, groupSchema]);
export type FormEntry = z.infer<typeof formEntrySchema>;

/** A raw-to-normalized conversion (a published table), read with `lookup('id', [raw])`. */
export const lookupTableSchema = z.object({
  id: itemIdSchema,
  source: z.string().min(1),
  rows: z.array(z.tuple([z.number(), z.number()])).min(1),
});

export const formCheckSchema = z.object({
  id: itemIdSchema,
  expression: z.string().min(1),
  message: z.string().min(1),
  /** The item the refusal is shown beside. */
  item: itemIdSchema.optional(),
});

/** A form's fields; `formDefinitionSchema` (definition.ts) adds the checks across them. */
export const formObjectSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
  /** Bumped by an amendment that changes the form; every saved value keeps the version it was entered under. */
  version: z.string().min(1),
  title: z.string().min(1),
  /** The published definition the items and scoring come from. */
  source: z.string().min(1).optional(),
  /** Choices il2trials made where the source is silent (visible with the form). */
  assumptions: z.array(z.string().min(1)).default([]),
  lookups: z.array(lookupTableSchema).default([]),
  /** Edit checks across items: the form is refused when one evaluates to false (missing passes). */
  checks: z.array(formCheckSchema).default([]),
  items: z.array(formEntrySchema).min(1),
  /** Calculated items that make the instrument's score: the total and its named components. */
  scoring: z.object({ total: itemIdSchema, components: z.record(z.string(), itemIdSchema).default({}) }).optional(),
});

export type FormDefinition = z.infer<typeof formObjectSchema>;
export type FormDefinitionInput = z.input<typeof formObjectSchema>;
