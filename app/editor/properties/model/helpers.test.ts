import { describe, expect, it } from 'vitest';
import { nodeType } from '@/flows';
import { durationParts, formatDurationParts } from './duration';
import { dataKeys, nodeProblems, problemsAt, problemsWithin, unplacedProblems } from './errors';
import { jsonText, parseJsonText } from './jsonText';
import { buildForm } from './formModel';
import { newItem, singular } from './newItem';
import { freshName, recordRows, renameRow, rowsRecord } from './records';
import { formatRuleValue, parseRuleValue } from './ruleValue';
import { addVariant, isVariantKey, removeVariant, setVariant, textTabs, variantSuggestions } from './textVariants';
import { getIn, moveItem, removeItem, setData, setIn } from './values';
import { diagnostic } from '@/flows/validate/diagnostics';

describe('values', () => {
  const data = { options: [{ id: 'a', keys: ['1'] }, { id: 'b' }], prompt: 'Hi' };

  it('sets deep values immutably', () => {
    const next = setData(data, ['options', 1, 'keys'], ['2']);
    expect(next).toEqual({ options: [{ id: 'a', keys: ['1'] }, { id: 'b', keys: ['2'] }], prompt: 'Hi' });
    expect(data.options[1]).toEqual({ id: 'b' });
    expect(next.options).not.toBe(data.options);
    expect(getIn(next, ['options', 0])).toBe(data.options[0]);
  });

  it('removes a property set to undefined and creates missing containers', () => {
    expect(setData(data, ['prompt'], undefined)).toEqual({ options: data.options });
    expect(setIn(undefined, ['a', 0, 'b'], 1)).toEqual({ a: [{ b: 1 }] });
    expect(getIn(data, ['options', 5, 'id'])).toBeUndefined();
  });

  it('moves and removes list items', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });
});

describe('errors', () => {
  it('reads data keys out of diagnostic paths', () => {
    expect(dataKeys('nodes[2].data.options[0].keys[1]')).toEqual(['options', 0, 'keys', 1]);
    expect(dataKeys('nodes[2].data.text.th-TH')).toEqual(['text', 'th-TH']);
    expect(dataKeys('nodes[2]')).toEqual([]);
    expect(dataKeys('edges[0]')).toEqual([]);
  });

  it('merges zod issues with localized diagnostics, dropping schema duplicates', () => {
    const issues = nodeType('menu')!.props.safeParse({ prompt: 'x', options: [{ id: 'a', label: 'A', keys: ['x'] }] });
    expect(issues.success).toBe(false);
    const diagnostics = [
      diagnostic('schema', { detail: 'old' }, { nodeId: 'm', path: 'nodes[1].data.options[0].keys[0]' }),
      diagnostic('invalid-duration', { value: '5x' }, { nodeId: 'm', path: 'nodes[1].data.timeout' }),
      diagnostic('unreachable-node', { node: 'm' }, { nodeId: 'm', path: 'nodes[1]' }),
    ];
    const problems = nodeProblems(diagnostics, issues.success ? [] : issues.error.issues, 'th');
    expect(problems.map((problem) => [problem.keys, problem.code])).toEqual([
      [['options', 0, 'keys', 0], 'schema'],
      [['timeout'], 'invalid-duration'],
      [[], 'unreachable-node'],
    ]);
    expect(problems[1]?.message).toContain('ไม่ใช่ระยะเวลา');
    expect(problemsWithin(problems, ['options'])).toHaveLength(1);
    expect(problemsAt(problems, ['options'])).toHaveLength(0);
    expect(unplacedProblems(problems, ['options', 'timeout']).map((problem) => problem.code)).toEqual(['unreachable-node']);
  });
});

describe('zod issues in words', () => {
  it('words common issues for designers, in both languages, keeping schema messages', () => {
    const parsed = nodeType('intent')!.props.safeParse({ intents: [{ id: 'a', examples: [] }], threshold: 2 });
    expect(parsed.success).toBe(false);
    const problems = nodeProblems([], parsed.success ? [] : parsed.error.issues, 'en', { intents: [{ id: 'a', examples: [] }], threshold: 2 });
    expect(problems.map((problem) => [problem.keys.join('.'), problem.message])).toEqual([
      ['intents.0.examples', 'Add at least 1.'],
      ['threshold', 'Use 1 or less.'],
    ]);
    const missing = nodeType('collect')!.props.safeParse({ prompt: 'x', kind: 'text' });
    const th = nodeProblems([], missing.success ? [] : missing.error.issues, 'th', { prompt: 'x', kind: 'text' });
    expect(th.map((problem) => problem.message)).toEqual(['จำเป็นต้องกรอก']);
    const typed = nodeType('menu')!.props.safeParse({ prompt: 'x', options: [{ id: 'a', label: 'A', keys: ['x'] }] });
    expect(nodeProblems([], typed.success ? [] : typed.error.issues, 'th').map((problem) => problem.message)).toEqual(['keys are digits, * or #']);
  });
});

describe('text variants', () => {
  it('turns a plain template into tabs without losing it', () => {
    expect(addVariant('Hello', 'th-TH', 'en-US')).toEqual({ 'en-US': 'Hello', 'th-TH': '' });
    expect(addVariant('Hello', 'voice', 'en-US')).toEqual({ default: 'Hello', voice: '' });
    expect(addVariant({ 'en-US': 'Hi' }, 'th-TH', 'en-US')).toEqual({ 'en-US': 'Hi', 'th-TH': '' });
  });

  it('edits and removes tabs, nested ones too', () => {
    const text = { 'th-TH': { default: 'ก', voice: 'ข' }, 'en-US': 'A' };
    expect(textTabs(text)).toEqual([
      { key: 'th-TH', value: { default: 'ก', voice: 'ข' } },
      { key: 'en-US', value: 'A' },
    ]);
    expect(setVariant(text, 'th-TH', 'ค', 'voice')).toEqual({ 'th-TH': { default: 'ก', voice: 'ค' }, 'en-US': 'A' });
    expect(setVariant(text, 'en-US', 'B')).toEqual({ 'th-TH': { default: 'ก', voice: 'ข' }, 'en-US': 'B' });
    expect(removeVariant(text, 'th-TH')).toEqual({ 'en-US': 'A' });
    expect(removeVariant({ 'en-US': 'A' }, 'en-US')).toBe('');
    expect(textTabs('plain')).toEqual([]);
  });

  it('suggests and checks variant keys', () => {
    expect(variantSuggestions('th-TH', ['th-TH'])).toEqual(['en-US']);
    expect(variantSuggestions('th-TH', []).slice(0, 3)).toEqual(['th-TH', 'en-US', 'default']);
    expect(isVariantKey('th-TH')).toBe(true);
    expect(isVariantKey('voice')).toBe(true);
    expect(isVariantKey('not a key')).toBe(false);
    // A map is by locale or by channel: the kind of the tabs there are decides.
    expect(isVariantKey('voice', ['th-TH'])).toBe(false);
    expect(isVariantKey('en-US', ['default'])).toBe(false);
    expect(isVariantKey('sms', ['default', 'voice'])).toBe(true);
    expect(variantSuggestions('th-TH', ['default'])).toEqual(['webchat', 'voice', 'sms', 'line', 'email', 'api']);
  });
});

describe('durations', () => {
  it('splits and joins simple durations', () => {
    expect(durationParts('10m')).toEqual({ amount: '10', unit: 'm' });
    expect(durationParts(undefined)).toEqual({ amount: '', unit: 's' });
    expect(durationParts('1h30m')).toBeUndefined();
    expect(formatDurationParts({ amount: '2', unit: 'h' })).toBe('2h');
    expect(formatDurationParts({ amount: ' ', unit: 'h' })).toBeUndefined();
  });
});

describe('records', () => {
  it('edits a map as ordered rows', () => {
    const rows = recordRows({ Accept: 'json', 'X-Id': '{{ vars.id }}' });
    expect(rows.map((row) => row.name)).toEqual(['Accept', 'X-Id']);
    expect(rowsRecord(renameRow(rows, 0, 'Content-Type'))).toEqual({ 'Content-Type': 'json', 'X-Id': '{{ vars.id }}' });
    expect(renameRow(rows, 0, 'X-Id')).toEqual(rows);
    expect(rowsRecord([])).toBeUndefined();
    expect(freshName([{ name: 'name' }, { name: 'name2' }], 'name')).toBe('name3');
  });
});

describe('rule values', () => {
  it('stores numbers, booleans and lists as such', () => {
    expect(parseRuleValue('18', 'gte')).toBe(18);
    expect(parseRuleValue('true', 'eq')).toBe(true);
    expect(parseRuleValue('gold, 2', 'in')).toEqual(['gold', 2]);
    expect(parseRuleValue('^\\d+$', 'matches')).toBe('^\\d+$');
    expect(parseRuleValue('x', 'exists')).toBeUndefined();
    expect(formatRuleValue(['gold', 2])).toBe('gold, 2');
    expect(formatRuleValue(undefined)).toBe('');
  });
});

describe('json bodies', () => {
  it('stores JSON as a value and anything else as a template', () => {
    expect(parseJsonText('{"a": 1}')).toEqual({ a: 1 });
    expect(parseJsonText('{"a": ')).toBe('{"a": ');
    expect(parseJsonText('id={{ vars.id }}')).toBe('id={{ vars.id }}');
    expect(parseJsonText('  ')).toBeUndefined();
    expect(jsonText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('new list items', () => {
  it('fills required fields and makes ids unique', () => {
    const options = buildForm(nodeType('menu')!.props, nodeType('menu')!.texts.en).find((field) => field.key === 'options')!;
    expect(newItem(options.itemFields!, [{ id: 'option2' }], 'options')).toEqual({ id: 'option3', label: '' });
    expect(newItem(options.itemFields!, [{ id: 'option1' }, { id: 'option3' }], 'options')).toEqual({ id: 'option4', label: '' });
    const branches = buildForm(nodeType('split')!.props, nodeType('split')!.texts.en).find((field) => field.key === 'branches')!;
    expect(newItem(branches.itemFields!, [], 'branches')).toEqual({ id: 'branch1', percent: 0 });
    expect(singular('quickReplies')).toBe('quickReply');
  });
});

describe('new list items for every list in the catalog', () => {
  // A required name starts empty and is flagged until the designer types one; a list that must
  // not be empty needs its first entry. Anything else would be a wrong shape.
  it('are of the right shape, only waiting for names and first entries', async () => {
    const { NODE_TYPES } = await import('@/flows');
    const { z } = await import('zod');
    const { valueSchema } = await import('./formModel');
    for (const type of NODE_TYPES) {
      const shape = valueSchema(type.props);
      if (!(shape instanceof z.ZodObject)) continue;
      for (const field of buildForm(type.props, type.texts.en).filter((candidate) => candidate.widget === 'list')) {
        const list = valueSchema(shape.shape[field.key]!);
        if (!(list instanceof z.ZodArray)) throw new Error(`${type.type}.${field.key} is not an array`);
        const item = newItem(field.itemFields ?? [], [], field.key);
        const parsed = z.safeParse(list.element, item);
        const wrong = (parsed.success ? [] : parsed.error.issues).filter(
          (issue) => issue.code !== 'too_small' && !(issue.code === 'invalid_format' && item[String(issue.path[0])] === ''),
        );
        expect(wrong, `${type.type}.${field.key}`).toEqual([]);
      }
    }
  });
});
