import { describe, expect, it } from 'vitest';
import { formDefinitionIssues, parseFormDefinition, type FormDefinitionInput } from './definition.js';
import { sampleForm } from './test-sample-form.js';

const withItems = (items: FormDefinitionInput['items'], extra: Partial<FormDefinitionInput> = {}): FormDefinitionInput => ({ id: 'f', version: '1', title: 'F', items, ...extra });
const int = (id: string, more: object = {}) => ({ id, type: 'integer' as const, label: id, ...more });
const calc = (id: string, expression: string) => ({ id, type: 'calculated' as const, label: id, expression });

describe('form definitions', () => {
  it('parse with their defaults, and survive JSON', () => {
    const form = parseFormDefinition(sampleForm);
    expect(form.assumptions).toEqual([]);
    expect(form.items[1]).toMatchObject({ id: 'pain', required: true });
    expect(form.items.find((i) => i.id === 'meds')).toMatchObject({ repeating: true });
    expect(parseFormDefinition(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it('refuse an id used twice, also inside a group', () => {
    expect(formDefinitionIssues(withItems([int('a'), { id: 'g', type: 'group', label: 'G', items: [int('a')] }]))).toEqual([{ path: 'items[1].items[0].id', message: 'item id "a" is used twice' }]);
  });

  it('refuse an expression that does not parse, naming the character', () => {
    expect(formDefinitionIssues(withItems([int('a'), calc('b', '[a] +')]))).toEqual([
      { path: 'items[1].expression', message: 'Expression "[a] +" at character 6: the expression ends where a value is expected.' },
    ]);
  });

  it('refuse a reference to no item, to a row item from outside its group, and to a multiple choice without its option', () => {
    const issues = formDefinitionIssues(
      withItems([
        int('a', { showIf: '[nothing] = 1' }),
        { id: 'rows', type: 'group', label: 'Rows', repeating: true, items: [int('x')] },
        calc('total', '[x] + 1'),
        { id: 'm', type: 'multiple-choice', label: 'M', choices: [{ code: 1, label: 'one' }] },
        calc('c', '[m] + [m(2)] + [a(1)]'),
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['items[0].showIf', 'items[2].expression', 'items[4].expression', 'items[4].expression', 'items[4].expression']);
    expect(issues.map((i) => i.message)).toEqual([
      '[nothing] is not an item this expression can read (an item of the form, or of the same repeating row)',
      '[x] is not an item this expression can read (an item of the form, or of the same repeating row)',
      '[m] is a multiple choice: read one option as [m(code)]',
      '[m(2)]: "2" is not one of the item\'s codes',
      '[a(1)] names an option, but "a" is not a multiple choice',
    ]);
  });

  it('refuse calculations and branching that depend on themselves', () => {
    const issues = formDefinitionIssues(withItems([calc('a', '[b] + 1'), calc('b', '[c] * 2'), int('c', { showIf: '[a] > 1' })]));
    expect(issues).toEqual([{ path: 'items', message: 'items "a" → "b" → "c" → "a" depend on each other in a circle (calculations or branching)' }]);
  });

  it('refuse an unknown lookup table, a choice code twice, a range upside down, scoring of an entered item', () => {
    const issues = formDefinitionIssues(
      withItems(
        [
          int('a', { hard: { min: 5, max: 1 } }),
          calc('n', "lookup('nope', [a])"),
          {
            id: 's',
            type: 'single-choice',
            label: 'S',
            choices: [
              { code: 1, label: 'x' },
              { code: '1', label: 'y' },
            ],
          },
        ],
        { scoring: { total: 'a' } },
      ),
    );
    expect(issues).toEqual([
      { path: 'items[0].hard', message: 'min must not be above max' },
      { path: 'items[1].expression', message: 'lookup table "nope" is not one of the form\'s lookups' },
      { path: 'items[2].choices[1].code', message: 'choice code "1" of item "s" is used twice' },
      { path: 'scoring.total', message: 'scoring total "a" is not a calculated item of the form' },
    ]);
  });

  it('parseFormDefinition throws FORM_DEFINITION_INVALID naming the first field and counting the rest', () => {
    expect(() => parseFormDefinition(withItems([int('a'), int('a'), calc('b', '(')]))).toThrow(
      expect.objectContaining({ code: 'FORM_DEFINITION_INVALID', path: 'items[1].id', message: 'Form definition items[1].id: item id "a" is used twice (and 1 more problem).' }),
    );
  });

  it('refuse an unknown item type and a bad item id', () => {
    const issues = formDefinitionIssues(withItems([{ id: 'a', type: 'slider', label: 'A' } as never, int('1a')]));
    expect(issues.map((i) => i.path)).toEqual(['items[0].type', 'items[1].id']);
  });
});
