import type { Side } from './expression.js';

/**
 * Allergens that are no treatment, each with the one allergy code it is recorded under, so that
 * the spellings of one allergen share a code ("milk products" and "dairy" are milk). Each is the
 * whole of one item of the list ("FDG, fluciclovine, or iodine-based contrast agents").
 */
const names: readonly (readonly [string, string])[] = [
  ['iodine-based contrast(?: agents?| media| medium| dyes?)?|iodinated contrast(?: agents?| media| medium| dyes?)?|iodine contrast(?: agents?| media| medium| dyes?)?', 'iodinated-contrast'],
  // Milk allergy is to cow's milk protein, which all dairy products hold (EAACI food allergy guideline 2014).
  ["(?:cow['’]?s )?milk(?: and dairy)?(?: products?| proteins?)?|dairy(?: products)?", 'milk'],
  ['eggs?', 'egg'],
  ['peanuts?', 'peanut'],
  ['soya?', 'soy'],
];

/**
 * Classes of allergens: a class is its own code ("food", never one food), as a drug class is in
 * treatment-names.ts. A recorded "food" allergy suffices for an exclusion, but an inclusion that
 * names the class admits an allergy to any one food, which the code does not hold; so a class is
 * read in exclusions only.
 */
const classes: readonly (readonly [string, string])[] = [
  ['foods?', 'food'],
  // "drug allergy" (NCT corpus): an allergy to any medicine, the class as a whole.
  ['drugs?|medications?|medicines?', 'drug'],
  // Amide local anaesthetics (lidocaine, bupivacaine, ropivacaine …) are one group of them, by their chemistry: their own code.
  ['(?:amino[- ])?amide local an(?:a)?esthetics?', 'amide-local-anesthetics'],
  ['local an(?:a)?esthetics?(?: drugs?| agents?)?', 'local-anesthetics'],
];

const whole = (list: readonly (readonly [string, string])[]) => list.map(([source, code]) => ({ whole: new RegExp(`^(?:${source})$`, 'i'), code }));
const allergens = whole(names);
const allergenClasses = whole(classes);

/** The allergy code of an allergen named by the whole of `name`, if it is one (a class only in an exclusion). */
export const allergenCode = (name: string, side: Side): string | undefined => [...allergens, ...(side === 'exclusion' ? allergenClasses : [])].find((a) => a.whole.test(name))?.code;

/** `text` with every allergen name blanked, so that an "and" inside one ("milk and dairy products") is not read as joining two. */
export const withoutAllergenNames = (text: string): string =>
  [...names, ...classes].reduce((t, [source]) => t.replace(new RegExp(`(?<![\\w-])(?:${source})(?![\\w-])`, 'gi'), (m) => ' '.repeat(m.length)), text);
