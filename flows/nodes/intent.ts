import { z } from 'zod';
import { HandleId, Text, VariableName, variableKey } from '../schema/common';
import { act, when } from '../compile/config';
import { defineAction } from '../compile/implementation';
import { classifyIntent, type IntentExamples } from '../lang/classify';
import { defineNode } from './define';
import { reportDuplicateHandleIds, sayText } from './patterns';
import { previewList } from './preview';

const Intent = z.object({
  id: HandleId,
  label: z.string().optional(),
  examples: z.array(z.string().min(1)).min(1).meta({ widget: 'tags' }),
});

interface ClassifyParams {
  intents: IntentExamples[];
  threshold: number;
}

export const intentNode = defineNode({
  type: 'intent',
  category: 'messaging',
  icon: 'brain',
  props: z.object({
    prompt: Text.optional(),
    intents: z.array(Intent).min(1).meta({ widget: 'list' }),
    threshold: z.number().min(0).max(1).default(0.5).meta({ widget: 'number' }),
    variable: VariableName.optional(),
  }),
  defaults: { intents: [{ id: 'help', examples: ['I need help'] }] },
  handles: (data) => [
    ...data.intents.map((intent) => ({ id: intent.id, label: intent.label ?? intent.id, active: true })),
    { id: 'fallback', active: true },
  ],
  summary: (data) => previewList(data.intents.map((intent) => intent.label ?? intent.id)),
  waits: true,
  check: (data, ctx) => reportDuplicateHandleIds(data.intents, ['fallback'], ctx, 'intents'),
  compile: (data, ctx) => {
    const classify = act('intent.classify', {
      intents: data.intents.map(({ id, examples }) => ({ id, examples })),
      threshold: data.threshold,
    } satisfies ClassifyParams);
    const store = data.variable ? [act('store', { frame: ctx.frame, variable: variableKey(data.variable) })] : [];
    const listen = {
      entry: data.prompt === undefined ? [] : [sayText(ctx, data.prompt)],
      on: { CUSTOMER: { target: 'decide', actions: [act('observe'), act('consumeInput'), classify] } },
    };
    return {
      // Without a prompt, the message the customer just sent (e.g. the one that started the
      // conversation) is classified at once; otherwise the step waits for the next one.
      initial: data.prompt === undefined ? 'check' : 'listen',
      states: {
        check: {
          always: [
            { guard: when('inputFresh'), target: 'decide', actions: [act('consumeInput'), classify] },
            { target: 'listen' },
          ],
        },
        listen,
        decide: {
          always: [
            ...data.intents.map((intent) => ({
              guard: when('verdictIs', { choice: intent.id }),
              ...ctx.go(intent.id, store),
            })),
            ctx.go('fallback'),
          ],
        },
      },
    };
  },
  actions: {
    'intent.classify': defineAction<ClassifyParams>(({ context }, p, out) => {
      const result = classifyInput(context.input, p);
      out.assign({
        input: { ...out.context.input, intent: result.intent, confidence: result.confidence },
        verdict: result.intent === undefined ? { ok: false } : { ok: true, choice: result.intent, value: result.intent },
      });
    }),
  },
  texts: {
    en: {
      label: 'Intent',
      help: 'A bot step: understands free text (Thai or English) by comparing it with example sentences, and picks the closest intent above the confidence threshold.',
      fields: {
        prompt: { label: 'Prompt', help: 'Asked first; without one, the last customer message is classified.' },
        intents: { label: 'Intents', help: 'Each intent becomes an output.' },
        'intents.id': { label: 'Id' },
        'intents.label': { label: 'Label' },
        'intents.examples': { label: 'Examples', help: 'Sentences customers say for this intent, e.g. my internet is down.' },
        threshold: { label: 'Confidence threshold', help: 'Below this (0–1), the fallback output is taken.' },
        variable: { label: 'Save intent to variable' },
      },
      handles: { fallback: 'Fallback' },
    },
    th: {
      label: 'เจตนา',
      help: 'ขั้นตอนบอท: เข้าใจข้อความอิสระ (ไทยหรืออังกฤษ) โดยเทียบกับประโยคตัวอย่าง และเลือกเจตนาที่ใกล้ที่สุดเมื่อความมั่นใจถึงเกณฑ์',
      fields: {
        prompt: { label: 'คำถาม', help: 'ถามก่อน หากไม่มีจะวิเคราะห์ข้อความล่าสุดของลูกค้า' },
        intents: { label: 'เจตนา', help: 'แต่ละเจตนาจะเป็นทางออกหนึ่งทาง' },
        'intents.id': { label: 'รหัส' },
        'intents.label': { label: 'ชื่อ' },
        'intents.examples': { label: 'ตัวอย่าง', help: 'ประโยคที่ลูกค้าพูดสำหรับเจตนานี้ เช่น เน็ตใช้ไม่ได้' },
        threshold: { label: 'เกณฑ์ความมั่นใจ', help: 'หากต่ำกว่านี้ (0–1) จะไปทางออกสำรอง' },
        variable: { label: 'เก็บเจตนาลงตัวแปร' },
      },
      handles: { fallback: 'ไม่เข้าใจ' },
    },
  },
});

/** A quick-reply click whose payload is an intent id picks that intent; text is classified. */
function classifyInput(input: { text?: string; payload?: string }, p: ClassifyParams) {
  const clicked = p.intents.find((intent) => intent.id === input.payload);
  if (clicked) return { intent: clicked.id, confidence: 1 };
  return classifyIntent(input.text ?? '', p.intents, p.threshold);
}
