import { describe, expect, it } from 'vitest';
import { lookupTables, references } from './ast.js';
import { parseExpression } from './parse.js';

describe('form expressions: parsing', () => {
  it('builds the tree with * before + and and before or', () => {
    expect(parseExpression('1 + 2 * [x]')).toEqual({
      kind: 'binary',
      op: '+',
      left: { kind: 'number', value: 1 },
      right: { kind: 'binary', op: '*', left: { kind: 'number', value: 2 }, right: { kind: 'ref', item: 'x' } },
    });
    const e = parseExpression('[a] = 1 or [b] = 2 and [c] = 3');
    expect(e.kind === 'binary' && e.op).toBe('or');
  });

  it('lists the items and lookup tables an expression reads', () => {
    const e = parseExpression("sum([cutting-food], [q1]) + lookup('roads', [raw]) * [sym(2)]");
    expect(references(e)).toEqual([{ item: 'cutting-food' }, { item: 'q1' }, { item: 'raw' }, { item: 'sym', code: '2' }]);
    expect(lookupTables(e)).toEqual(['roads']);
  });

  it.each([
    ['[a] +', 'at character 6: the expression ends where a value is expected'],
    ['[a] + * 2', 'at character 7: "*" cannot start a value'],
    ['(1 + 2', 'at character 7: expected ")" to close "("'],
    ['[a', 'at character 1: the item reference is not closed by "]"'],
    ['[1a] + 1', 'at character 1: "[1a]" is not an item reference like [item] or [item(code)]'],
    ["'open", 'at character 1: the text is not closed by a matching quote'],
    ['a + 1', 'at character 1: "a" is not a function of the language'],
    ['eval(1)', 'at character 1: "eval" is not a function of the language'],
    ['if(1, 2)', 'at character 1: if takes 3 arguments, not 2'],
    ['round(1, 2, 3)', 'at character 1: round takes 1 or 2 arguments, not 3'],
    ['sum()', 'at character 1: sum takes at least 1 argument, not 0'],
    ['lookup([a], 1)', "lookup's first argument is the table's name in quotes"],
    ['1 < 2 < 3', 'at character 7: comparisons cannot be chained'],
    ['1 2', 'at character 3: unexpected text after the end of the expression'],
    ['[a] ; 1', 'at character 5: ";" is not part of the expression language'],
    ['`x`', 'at character 1: "`" is not part of the expression language'],
  ])('%s is refused: %s', (source, message) => {
    expect(() => parseExpression(source)).toThrow(expect.objectContaining({ code: 'FORM_EXPRESSION_INVALID', message: expect.stringContaining(message) }));
  });
});
