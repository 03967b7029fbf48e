import { z } from 'zod';
import { Duration, Text, VariableName, variableKey } from '../schema/common';
import { act, when } from '../compile/config';
import { defineInterpreter } from '../compile/implementation';
import { COLLECT_KINDS, parseValue, type ValueRules } from '../lang/values';
import { defineNode, fixedHandles } from './define';
import { question, sayText } from './patterns';
import { previewText } from './preview';

export const collectNode = defineNode({
  type: 'collect',
  category: 'messaging',
  icon: 'text-cursor-input',
  props: z.object({
    prompt: Text,
    variable: VariableName,
    kind: z.enum(COLLECT_KINDS).meta({ widget: 'select' }),
    minLength: z.number().int().min(0).optional().meta({ widget: 'number', advanced: true }),
    maxLength: z.number().int().min(1).optional().meta({ widget: 'number', advanced: true }),
    pattern: z.string().optional().meta({ widget: 'regex' }),
    timeout: Duration.optional(),
    maxRetries: z.number().int().min(0).max(10).default(2).meta({ widget: 'number' }),
    invalidText: Text.optional().meta({ widget: 'liquid', advanced: true }),
  }),
  defaults: { prompt: '', variable: 'answer', kind: 'text' },
  handles: () => fixedHandles('next', 'invalid', 'noInput'),
  summary: (data) => `${data.kind} → ${variableKey(data.variable)} · ${previewText(data.prompt, 40)}`,
  waits: true,
  check: (data, ctx) => {
    if (data.kind === 'regex' && !data.pattern) {
      ctx.report('schema', { detail: 'kind "regex" needs a pattern' }, ['pattern']);
    }
    if (data.minLength !== undefined && data.maxLength !== undefined && data.minLength > data.maxLength) {
      ctx.report('schema', { detail: 'minLength is greater than maxLength' }, ['minLength']);
    }
  },
  compile: (data, ctx) => {
    const rules: ValueRules = {
      kind: data.kind,
      minLength: data.minLength,
      maxLength: data.maxLength,
      pattern: data.pattern,
    };
    return question(ctx, {
      ask: [sayText(ctx, data.prompt)],
      sorry: data.invalidText === undefined ? [] : [sayText(ctx, data.invalidText)],
      timeout: data.timeout ?? '10s',
      maxRetries: data.maxRetries,
      interpret: { interpreter: 'collect.parse', params: { rules } },
      accept: [
        {
          guard: when('verdictOk'),
          ...ctx.go('next', [act('store', { frame: ctx.frame, variable: variableKey(data.variable) })]),
        },
      ],
      failHandle: 'invalid',
      silenceHandle: 'noInput',
    });
  },
  interpreters: {
    'collect.parse': defineInterpreter<{ rules: ValueRules }>((reply, p) => {
      const parsed = parseValue(reply, p.rules);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false };
    }),
  },
  texts: {
    en: {
      label: 'Collect',
      help: 'Asks for a value and stores it in a variable after checking it: text, number, digits, email, phone, date, yes/no or a pattern.',
      fields: {
        prompt: { label: 'Prompt', help: 'The question, e.g. Please enter the last 4 digits of your card.' },
        variable: { label: 'Save to variable' },
        kind: { label: 'Kind', help: 'Numbers are saved as numbers, yes/no as true/false, the rest as text.' },
        minLength: { label: 'Minimum length' },
        maxLength: { label: 'Maximum length' },
        pattern: { label: 'Pattern', help: 'A regular expression the answer must match (kind "regex").' },
        timeout: { label: 'No-input timeout', help: 'How long to wait for an answer (default 10s).' },
        maxRetries: { label: 'Retries', help: 'How many times to ask again before giving up (default 2).' },
        invalidText: { label: 'Invalid-answer text', help: 'Said after an unusable answer, before asking again.' },
      },
      handles: { next: 'Valid', invalid: 'Invalid', noInput: 'No input' },
    },
    th: {
      label: 'รับข้อมูล',
      help: 'ถามค่าหนึ่งค่า ตรวจสอบ แล้วเก็บลงตัวแปร: ข้อความ ตัวเลข ตัวเลขกด อีเมล เบอร์โทร วันที่ ใช่/ไม่ใช่ หรือรูปแบบ',
      fields: {
        prompt: { label: 'คำถาม', help: 'เช่น กรุณากรอกเลข 4 หลักท้ายของบัตร' },
        variable: { label: 'เก็บลงตัวแปร' },
        kind: { label: 'ชนิด', help: 'ตัวเลขเก็บเป็นตัวเลข ใช่/ไม่ใช่เก็บเป็น true/false นอกนั้นเก็บเป็นข้อความ' },
        minLength: { label: 'ความยาวขั้นต่ำ' },
        maxLength: { label: 'ความยาวสูงสุด' },
        pattern: { label: 'รูปแบบ', help: 'Regular expression ที่คำตอบต้องตรง (ชนิด "regex")' },
        timeout: { label: 'เวลารอคำตอบ', help: 'ระยะเวลาที่รอคำตอบ (ค่าเริ่มต้น 10s)' },
        maxRetries: { label: 'จำนวนครั้งที่ถามซ้ำ', help: 'ถามซ้ำได้กี่ครั้งก่อนยอมแพ้ (ค่าเริ่มต้น 2)' },
        invalidText: { label: 'ข้อความเมื่อคำตอบไม่ถูกต้อง', help: 'ส่งเมื่อคำตอบใช้ไม่ได้ ก่อนถามอีกครั้ง' },
      },
      handles: { next: 'ถูกต้อง', invalid: 'ไม่ถูกต้อง', noInput: 'ไม่มีคำตอบ' },
    },
  },
});
