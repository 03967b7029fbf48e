import { z } from 'zod';
import { Expression, HandleId, Rule } from '../schema/common';
import { when } from '../compile/config';
import { defineGuard } from '../compile/implementation';
import { scopeOf } from '../compile/scope';
import { evaluateExpression } from '../lang/expression';
import { evaluateRule } from '../lang/rules';
import { defineNode } from './define';
import { reportDuplicateHandleIds } from './patterns';
import { previewList } from './preview';

const Case = z.object({
  id: HandleId,
  label: z.string().optional(),
  match: z.enum(['all', 'any']).default('all').meta({ widget: 'select' }),
  rules: z.array(Rule).optional().meta({ widget: 'rules' }),
  expression: Expression.optional(),
});
type Case = z.infer<typeof Case>;

interface CaseParams {
  match: Case['match'];
  rules: Case['rules'];
  expression: Case['expression'];
  frame: string;
}

export const conditionNode = defineNode({
  type: 'condition',
  category: 'logic',
  icon: 'git-branch',
  props: z.object({ cases: z.array(Case).min(1).meta({ widget: 'list' }) }),
  defaults: { cases: [{ id: 'yes', match: 'all', rules: [{ var: 'vars.answer', op: 'exists' }] }] },
  handles: (data) => [
    ...data.cases.map((item) => ({ id: item.id, label: item.label ?? item.id, active: true })),
    { id: 'else', active: true },
  ],
  summary: (data) => previewList(data.cases.map((item) => item.label ?? item.id)),
  waits: false,
  check: (data, ctx) => {
    reportDuplicateHandleIds(data.cases, ['else'], ctx, 'cases');
    data.cases.forEach((item, index) => {
      if ((item.rules?.length ?? 0) === 0 && item.expression === undefined) {
        ctx.report('schema', { detail: 'a case needs rules or an expression' }, ['cases', index]);
      }
    });
  },
  compile: (data, ctx) => ({
    always: [
      ...data.cases.map((item) => ({
        guard: when('condition.case', {
          match: item.match,
          rules: item.rules,
          expression: item.expression,
          frame: ctx.frame,
        } satisfies CaseParams),
        ...ctx.go(item.id),
      })),
      ctx.go('else'),
    ],
  }),
  guards: {
    'condition.case': defineGuard<CaseParams>(({ context }, p) => {
      const scope = scopeOf(context, p.frame);
      const rules = p.rules ?? [];
      const rulesHold =
        rules.length === 0 ||
        (p.match === 'any' ? rules.some((rule) => evaluateRule(rule, scope)) : rules.every((rule) => evaluateRule(rule, scope)));
      if (!rulesHold) return false;
      if (p.expression === undefined) return true;
      try {
        return Boolean(evaluateExpression(p.expression, scope, Date.parse(context.now)));
      } catch {
        // A failing expression is a false case; the journey goes on to the next case or `else`.
        return false;
      }
    }),
  },
  texts: {
    en: {
      label: 'Condition',
      help: 'Chooses a path: cases are checked in order and the first that holds is taken; otherwise else.',
      fields: {
        cases: { label: 'Cases' },
        'cases.id': { label: 'Id' },
        'cases.label': { label: 'Label' },
        'cases.match': { label: 'Match', help: 'All rules must hold, or any one of them.' },
        'cases.rules': { label: 'Rules', help: 'Compare a value, e.g. vars.age is at least 18.' },
        'cases.expression': { label: 'Expression', help: 'A JSONata expression that must be true, e.g. $count(vars.items) > 0.' },
      },
      handles: { else: 'Else' },
    },
    th: {
      label: 'เงื่อนไข',
      help: 'เลือกเส้นทาง: ตรวจกรณีตามลำดับ และไปตามกรณีแรกที่เป็นจริง หากไม่มีไปทาง "อื่นๆ"',
      fields: {
        cases: { label: 'กรณี' },
        'cases.id': { label: 'รหัส' },
        'cases.label': { label: 'ชื่อ' },
        'cases.match': { label: 'การจับคู่', help: 'ต้องเป็นจริงทุกกฎ หรืออย่างน้อยหนึ่งกฎ' },
        'cases.rules': { label: 'กฎ', help: 'เปรียบเทียบค่า เช่น vars.age มากกว่าหรือเท่ากับ 18' },
        'cases.expression': { label: 'นิพจน์', help: 'นิพจน์ JSONata ที่ต้องเป็นจริง เช่น $count(vars.items) > 0' },
      },
      handles: { else: 'อื่นๆ' },
    },
  },
});
