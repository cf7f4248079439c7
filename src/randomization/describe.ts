import type { RandomizationDesign } from './scheme.js';

/** One line a person can read: "permuted blocks of size 2 or 4, stratified by site". */
export function describeDesign(design: RandomizationDesign): string {
  const s = design.scheme;
  const ids = design.factors.map((f) => f.id);
  switch (s.scheme) {
    case 'simple':
      return 'simple (unrestricted) randomization';
    case 'permuted-blocks': {
      const sizes = s.blockSizes.length === 1 ? `fixed size ${s.blockSizes[0]}` : `random size ${s.blockSizes.join(' or ')}`;
      return `permuted blocks of ${sizes}, ${ids.length === 0 ? 'unstratified' : `stratified by ${ids.join(' × ')}`}`;
    }
    case 'minimization': {
      const weights = design.factors.map((f) => (f.weight === 1 ? f.id : `${f.id} (weight ${f.weight})`));
      return `Pocock–Simon minimization over ${weights.join(', ')}, ${s.measure}, p = ${s.probability}`;
    }
  }
}
