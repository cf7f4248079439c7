import type { Item } from '../../../src/forms/definition.js';

/** What the person typed or chose, per item id: text boxes hold text, a multiple choice its chosen codes. */
export type FormTexts = Readonly<Record<string, string | readonly string[]>>;

/** One typed value as the API takes it: blank stays out, numbers and codes as numbers where the item has them. */
export function typedValue(item: Item, text: string | readonly string[], unit: string | undefined): unknown {
  if (typeof text !== 'string') return text.length === 0 ? undefined : text.map((t) => codeOf(item, t));
  const t = text.trim();
  if (t === '') return undefined;
  switch (item.type) {
    case 'integer':
      return Number.isFinite(Number(t)) ? Number(t) : t;
    case 'decimal': {
      const n = Number.isFinite(Number(t)) ? Number(t) : t;
      return unit === undefined ? n : { value: n, unit };
    }
    case 'yes-no':
      return t === 'yes' ? true : t === 'no' ? false : t;
    case 'single-choice':
      return codeOf(item, t);
    default:
      return t;
  }
}

function codeOf(item: Item, text: string): number | string {
  const choice = 'choices' in item ? item.choices.find((c) => String(c.code) === text) : undefined;
  return choice ? choice.code : text;
}
