import { z } from 'zod';
import { Expression, Text, VariableName, variableKey } from '../schema/common';
import { act } from '../compile/config';
import { defineAction } from '../compile/implementation';
import { localText, scopeOf, setVars } from '../compile/scope';
import { evaluateExpression } from '../lang/expression';
import { templateValue } from '../lang/template';
import { defineNode, fixedHandles } from './define';
import { previewList } from './preview';

const Assignment = z.object({
  variable: VariableName,
  value: z.union([Text, z.number(), z.boolean()]).optional().meta({ widget: 'liquid' }),
  expression: Expression.optional(),
});
type Assignment = z.infer<typeof Assignment>;

interface AssignParams {
  assign: Assignment[];
  frame: string;
  locale: string;
  types: Record<string, string>;
}

export const setNode = defineNode({
  type: 'set',
  category: 'logic',
  icon: 'variable',
  props: z.object({ assign: z.array(Assignment).min(1).meta({ widget: 'list' }) }),
  defaults: { assign: [{ variable: 'answer', value: '' }] },
  handles: () => fixedHandles('next'),
  summary: (data) => previewList(data.assign.map((item) => variableKey(item.variable))),
  waits: false,
  check: (data, ctx) => {
    data.assign.forEach((item, index) => {
      if (item.value === undefined && item.expression === undefined) {
        ctx.report('schema', { detail: 'give a value or an expression' }, ['assign', index]);
      }
    });
  },
  compile: (data, ctx) => ({
    entry: [
      act('set.assign', {
        assign: data.assign,
        frame: ctx.frame,
        locale: ctx.locale,
        types: Object.fromEntries(data.assign.map((item) => [variableKey(item.variable), ctx.variableType(variableKey(item.variable))])),
      } satisfies AssignParams),
    ],
    always: ctx.go('next'),
  }),
  actions: {
    'set.assign': defineAction<AssignParams>((_args, p, out) => {
      for (const item of p.assign) {
        const context = out.context;
        const scope = scopeOf(context, p.frame);
        let value: unknown;
        try {
          value =
            item.expression !== undefined
              ? evaluateExpression(item.expression, scope, Date.parse(context.now))
              : typeof item.value === 'number' || typeof item.value === 'boolean'
                ? item.value
                : templateValue(localText(context, item.value, p.locale) ?? '', scope);
        } catch (error) {
          out.effect({ type: 'error', node: context.at, message: `could not set ${item.variable}: ${String(error)}` });
          continue;
        }
        const name = variableKey(item.variable);
        out.assign(setVars(context, p.frame, { [name]: coerce(value, p.types[name]) }));
      }
    }),
  },
  texts: {
    en: {
      label: 'Set variables',
      help: 'Assigns variables from templates (text) or JSONata expressions (numbers, lists, objects).',
      fields: {
        assign: { label: 'Assignments' },
        'assign.variable': { label: 'Variable' },
        'assign.value': { label: 'Value', help: 'A literal or a template, e.g. {{ contact.name }}.' },
        'assign.expression': { label: 'Expression', help: 'JSONata, e.g. vars.total * 1.07.' },
      },
      handles: { next: 'Next' },
    },
    th: {
      label: 'กำหนดตัวแปร',
      help: 'กำหนดค่าตัวแปรจากเทมเพลต (ข้อความ) หรือนิพจน์ JSONata (ตัวเลข รายการ ออบเจ็กต์)',
      fields: {
        assign: { label: 'การกำหนดค่า' },
        'assign.variable': { label: 'ตัวแปร' },
        'assign.value': { label: 'ค่า', help: 'ค่าคงที่หรือเทมเพลต เช่น {{ contact.name }}' },
        'assign.expression': { label: 'นิพจน์', help: 'JSONata เช่น vars.total * 1.07' },
      },
      handles: { next: 'ถัดไป' },
    },
  },
});

/**
 * A value takes the declared type of its variable where that is lossless: a rendered template
 * (always text) becomes a number or boolean, and a number or boolean becomes text.
 */
function coerce(value: unknown, type: string | undefined): unknown {
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (typeof value !== 'string') return value;
  if ((type === 'number' || type === 'integer') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
