/**
 * Registry text written one way: Unicode and markup variants, decimal commas as points, and the
 * relative limits ("x ULN", "times the upper limit of normal", "× LLN") as the units ×ULN / ×LLN.
 */
const ULN =
  /\s*(?:[x×*]|times)\s*(?:the\s+)?(?:institutional\s+|laboratory\s+)?(?:upper limits? of (?:the\s+)?normal(?:\s+range)?(?:\s*\(\s*ULN\s*\))?|ULN\b|(?:highest|upper) reference (?:value|limit))/gi;
// "twice the upper limit of normal" is 2 × ULN.
const TWICE = /\btwice(?=\s+(?:the\s+)?(?:institutional\s+|laboratory\s+)?(?:upper limits? of|ULN\b|(?:highest|upper) reference))/gi;
const LLN = /\s*(?:[x×*]|times)\s*(?:the\s+)?(?:institutional\s+|laboratory\s+)?(?:lower limits? of (?:the\s+)?normal(?:\s+range)?(?:\s*\(\s*LLN\s*\))?|LLN\b)/gi;

export function normalizeCriterionText(text: string): string {
  return text
    .replace(/\\([<>[\]()*_-])/g, '$1')
    .replace(/≥|≧|=>|>\s*\/\s*=|>\s*or\s*=/g, '>=')
    .replace(/≤|≦|=<|<\s*\/\s*=|<\s*or\s*=/g, '<=')
    .replace(/(>=|<=)\s*to\b\s*/g, '$1 ')
    .replace(/＞|˃/g, '>')
    .replace(/＜|˂/g, '<')
    .replace(/[´’‘`]/g, "'")
    .replace(/[–—‐]/g, '-')
    .replace(/\[([^\]]*)\]/g, '($1)')
    .replace(/(\d),(\d{3})(?!\d)/g, '$1$2')
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2')
    .replace(/(\d(?:\.\d+)?)\s*x\s*10/gi, '$1 ×10')
    .replace(/(\d)(?=[x×]\s*(?:ULN|LLN|upper|lower)\b)/gi, '$1 ')
    .replace(TWICE, '2 times')
    .replace(ULN, ' ×ULN')
    .replace(LLN, ' ×LLN')
    .replace(/\s+/g, ' ')
    .trim();
}
