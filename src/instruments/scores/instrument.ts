/**
 * An instrument is data (serialisable: the CLI lists it, visit forms and the web app render it) plus
 * a pure scoring function kept apart in the registry.
 */

export type ItemOption = { readonly value: number; readonly label: string };

/** What an item accepts: one of a list of coded values, or any number in a closed range. */
export type ItemAllowed = { readonly kind: 'choice'; readonly options: readonly ItemOption[] } | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly integer: boolean };

export type InstrumentItem = {
  readonly id: string;
  readonly label: string;
  readonly allowed: ItemAllowed;
  readonly unit?: string;
  /** Weight the item's value is multiplied by in the total (SLEDAI-2K descriptors, ESSDAI domains). */
  readonly weight?: number;
  /** False only for items that are one of an `exactlyOneOf` group. */
  readonly required: boolean;
};

export type InstrumentDefinition = {
  readonly id: InstrumentId;
  readonly name: string;
  /** Published definition the items, weights and scoring come from. */
  readonly source: string;
  readonly items: readonly InstrumentItem[];
  /** Groups of items of which exactly one must carry a value (ALSFRS-R 5a / 5b). */
  readonly exactlyOneOf?: readonly (readonly string[])[];
  readonly total: { readonly min: number; readonly max: number; readonly higherIsWorse: boolean };
  /** Text in the definition that could not be checked against the published original. */
  readonly unverified?: string;
};

export const instrumentIds = ['sledai-2k', 'essdai', 'alsfrs-r', 'mrs', 'mrc', 'alsaq-40', 'basdai', 'pga'] as const;
export type InstrumentId = (typeof instrumentIds)[number];

/** Item id → value, as entered on a form or read from a JSON file. */
export type ItemValues = Readonly<Record<string, unknown>>;

export type InstrumentScore = {
  readonly instrument: InstrumentId;
  readonly total: number;
  /** Sub-scores, domain scores or weighted contributions, by id. */
  readonly components: Readonly<Record<string, number>>;
};

/** Binary descriptor (absent / present), used by SLEDAI-2K. */
export const presentAbsent: ItemAllowed = {
  kind: 'choice',
  options: [
    { value: 0, label: 'absent' },
    { value: 1, label: 'present' },
  ],
};

/** Integer range min..max as a choice whose labels are the numbers themselves. */
export function integerChoice(min: number, max: number, labels?: readonly string[]): ItemAllowed {
  const options: ItemOption[] = [];
  for (let v = min; v <= max; v++) options.push({ value: v, label: labels?.[v - min] ?? String(v) });
  return { kind: 'choice', options };
}
