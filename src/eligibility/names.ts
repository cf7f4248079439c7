import { COMPOUND } from './compound-names.js';
import { lexicon } from './lexicon.js';

/** Whether the whole of `text` is a condition or treatment name the vocabulary knows ("alcohol abuse", "liver disease"). */
export function isName(text: string): boolean {
  const whole = (re: RegExp) => new RegExp(`^(?:${re.source})$`, 'i').test(text);
  return whole(COMPOUND) || lexicon.some((t) => t.kind === 'code' && whole(t.pattern));
}
