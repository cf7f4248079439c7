import { COMPOUND } from './compound-names.js';
import { lexicon } from './lexicon.js';

const whole = (re: RegExp) => new RegExp(`^(?:${re.source})$`, 'i');
/** The vocabulary's names, each matched against a whole text; compiled once, on first use. */
let names: readonly RegExp[] | undefined;

/** Whether the whole of `text` is a condition or treatment name the vocabulary knows ("alcohol abuse", "liver disease"). */
export function isName(text: string): boolean {
  names ??= [whole(COMPOUND), ...lexicon.flatMap((t) => (t.kind === 'code' ? [whole(t.pattern)] : []))];
  return names.some((re) => re.test(text));
}
