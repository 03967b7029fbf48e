import { z } from 'zod';
import { Slug, Text, VariableName, variableKey } from '../schema/common';
import { act } from '../compile/config';
import { defineAction } from '../compile/implementation';
import { frameVars, localText, scopeOf, setVars } from '../compile/scope';
import { templateValue } from '../lang/template';
import { defineNode, fixedHandles } from './define';

interface BeginParams {
  frame: string;
  parentFrame: string;
  locale: string;
  defaults: Record<string, unknown>;
  input: Record<string, z.infer<typeof Text>>;
}

interface ReturnParams {
  frame: string;
  parentFrame: string;
  output: Record<string, string>;
}

export const subflowNode = defineNode({
  type: 'subflow',
  category: 'flow',
  icon: 'workflow',
  props: z.object({
    flow: Slug.meta({ widget: 'flow' }),
    input: z.record(z.string(), Text).optional().meta({ widget: 'keyvalue' }),
    output: z.record(VariableName, z.string().min(1)).optional().meta({ widget: 'keyvalue' }),
  }),
  defaults: { flow: '' },
  handles: () => fixedHandles('done', 'error'),
  summary: (data) => `↳ ${data.flow}`,
  // A subflow waits when its child does; the validator looks into the child for that.
  waits: false,
  writes: (data) => Object.keys(data.output ?? {}).map(variableKey),
  calls: (data) => [data.flow],
  compile: (data, ctx) => {
    const child = ctx.child(data.flow, {
      done: ctx.go('done', [
        act('subflow.return', { frame: ctx.id, parentFrame: ctx.frame, output: data.output ?? {} } satisfies ReturnParams),
      ]),
      error: ctx.go('error', [act('subflow.drop', { frame: ctx.id })]),
    });
    if (!child) return { always: ctx.go('error') };
    return {
      entry: [
        act('subflow.begin', {
          frame: ctx.id,
          parentFrame: ctx.frame,
          locale: ctx.locale,
          defaults: child.defaults,
          input: data.input ?? {},
        } satisfies BeginParams),
      ],
      initial: child.initial,
      states: child.states,
    };
  },
  actions: {
    'subflow.begin': defineAction<BeginParams>(({ context }, p, out) => {
      const scope = scopeOf(context, p.parentFrame);
      const input = Object.fromEntries(
        Object.entries(p.input).map(([name, text]) => [
          variableKey(name),
          templateValue(localText(context, text, p.locale) ?? '', scope),
        ]),
      );
      out.assign({ frames: { ...context.frames, [p.frame]: { ...p.defaults, ...input } } });
    }),
    'subflow.return': defineAction<ReturnParams>(({ context }, p, out) => {
      const child = frameVars(context, p.frame);
      const values = Object.fromEntries(
        Object.entries(p.output).map(([parentVar, childVar]) => [variableKey(parentVar), child[variableKey(childVar)]]),
      );
      out.assign(setVars(context, p.parentFrame, values));
      out.assign({ frames: withoutFrame(out.context.frames, p.frame) });
    }),
    'subflow.drop': defineAction<{ frame: string }>(({ context }, p, out) => {
      out.assign({ frames: withoutFrame(context.frames, p.frame) });
    }),
  },
  texts: {
    en: {
      label: 'Subflow',
      help: 'Runs another published flow, passing variables in and copying results back. Leaves by Done when the child ends, by Error when the child ends with outcome "error", cannot run, or hits an unconnected output.',
      fields: {
        flow: { label: 'Flow', help: 'The id of the flow to run.' },
        input: { label: 'Input', help: 'Child variable → template evaluated here, e.g. phone → {{ contact.phone }}.' },
        output: { label: 'Output', help: 'Variable here → child variable copied back when the child ends.' },
      },
      handles: { done: 'Done', error: 'Error' },
    },
    th: {
      label: 'ซับโฟลว์',
      help: 'เรียกใช้โฟลว์อื่นที่เผยแพร่แล้ว ส่งตัวแปรเข้าและคัดลอกผลลัพธ์กลับ ไปทาง เสร็จ เมื่อโฟลว์ย่อยจบ และทาง ผิดพลาด เมื่อโฟลว์ย่อยจบด้วยผลลัพธ์ "error" เรียกไม่ได้ หรือไปถึงทางออกที่ไม่ได้เชื่อม',
      fields: {
        flow: { label: 'โฟลว์', help: 'รหัสของโฟลว์ที่จะเรียก' },
        input: { label: 'ข้อมูลเข้า', help: 'ตัวแปรของโฟลว์ย่อย → เทมเพลตที่คำนวณที่นี่ เช่น phone → {{ contact.phone }}' },
        output: { label: 'ข้อมูลออก', help: 'ตัวแปรที่นี่ → ตัวแปรของโฟลว์ย่อยที่คัดลอกกลับเมื่อจบ' },
      },
      handles: { done: 'เสร็จ', error: 'ผิดพลาด' },
    },
  },
});

function withoutFrame(frames: Record<string, Record<string, unknown>>, frame: string): Record<string, Record<string, unknown>> {
  const rest = { ...frames };
  delete rest[frame];
  return rest;
}
