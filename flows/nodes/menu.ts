import { z } from 'zod';
import { Duration, HandleId, Text } from '../schema/common';
import { when } from '../compile/config';
import { defineInterpreter } from '../compile/implementation';
import { containsWords, normalizeText } from '../lang/segment';
import { textLeaves } from '../lang/text';
import { defineNode } from './define';
import { question, reportDuplicateHandleIds, sayText } from './patterns';
import { previewList, previewText } from './preview';

const MenuOption = z.object({
  id: HandleId,
  label: Text,
  keys: z.array(z.string().regex(/^[0-9*#]+$/, 'keys are digits, * or #')).optional().meta({ widget: 'tags' }),
  match: z.array(z.string().min(1)).optional().meta({ widget: 'tags' }),
});
type MenuOption = z.infer<typeof MenuOption>;

const MenuProps = z.object({
  prompt: Text,
  options: z.array(MenuOption).min(1).meta({ widget: 'list' }),
  timeout: Duration.optional(),
  maxRetries: z.number().int().min(0).max(10).default(2).meta({ widget: 'number' }),
  reprompt: Text.optional().meta({ widget: 'liquid', advanced: true }),
  noMatchText: Text.optional().meta({ widget: 'liquid', advanced: true }),
});

interface MatchParams {
  options: MenuOption[];
}

/**
 * Which option a reply picks: its digits equal one of the option's keys, its payload is the
 * option id, or its text (case-insensitive, trimmed) equals the label, equals one of `match`,
 * or contains one of `match` as a word.
 */
export function matchOption(
  reply: { text?: string; digits?: string; payload?: string },
  options: readonly MenuOption[],
): string | undefined {
  if (reply.payload !== undefined) {
    const byPayload = options.find((option) => option.id === reply.payload);
    if (byPayload) return byPayload.id;
  }
  if (reply.digits) {
    const byKey = options.find((option) => option.keys?.includes(reply.digits!));
    if (byKey) return byKey.id;
  }
  const text = reply.text === undefined ? '' : normalizeText(reply.text);
  if (text === '') return undefined;
  const exact = options.find(
    (option) =>
      textLeaves(option.label).some((leaf) => normalizeText(leaf.template) === text) ||
      option.match?.some((word) => normalizeText(word) === text),
  );
  if (exact) return exact.id;
  return options.find((option) => option.match?.some((word) => containsWords(text, word)))?.id;
}

export const menuNode = defineNode({
  type: 'menu',
  category: 'messaging',
  icon: 'list',
  props: MenuProps,
  defaults: {
    prompt: '',
    options: [{ id: 'one', label: 'Option 1', keys: ['1'] }],
  },
  handles: (data) => [
    ...data.options.map((option) => ({ id: option.id, label: previewText(option.label, 30), active: true })),
    { id: 'noMatch', active: true },
    { id: 'noInput', active: true },
  ],
  summary: (data) => `${previewText(data.prompt, 40)} → ${previewList(data.options.map((o) => previewText(o.label, 20)))}`,
  waits: true,
  check: (data, ctx) => {
    const owners = new Map<string, number>();
    data.options.forEach((option, index) => {
      option.keys?.forEach((key, keyIndex) => {
        if (owners.has(key) && owners.get(key) !== index) {
          ctx.report('duplicate-key', { key }, ['options', index, 'keys', keyIndex]);
        }
        owners.set(key, index);
      });
    });
    reportDuplicateHandleIds(data.options, ['noMatch', 'noInput'], ctx, 'options');
  },
  compile: (data, ctx) => {
    const quickReplies = data.options.map((option) => ({ id: option.id, label: option.label }));
    const prompt = sayText(ctx, data.prompt, { quickReplies });
    return question(ctx, {
      ask: [prompt],
      reask: [sayText(ctx, data.reprompt ?? data.prompt, { quickReplies })],
      sorry: data.noMatchText === undefined ? [] : [sayText(ctx, data.noMatchText)],
      timeout: data.timeout ?? '10s',
      maxRetries: data.maxRetries,
      interpret: { interpreter: 'menu.match', params: { options: data.options } satisfies MatchParams },
      accept: data.options.map((option) => ({
        guard: when('verdictIs', { choice: option.id }),
        ...ctx.go(option.id),
      })),
      failHandle: 'noMatch',
      silenceHandle: 'noInput',
    });
  },
  interpreters: {
    'menu.match': defineInterpreter<MatchParams>((reply, p) => {
      const choice = matchOption(reply, p.options);
      return choice === undefined ? { ok: false } : { ok: true, choice };
    }),
  },
  texts: {
    en: {
      label: 'Menu',
      help: 'Offers options: keypad digits on voice, buttons on chat, and words in free text. Re-asks when the answer does not match or nothing comes.',
      fields: {
        prompt: { label: 'Prompt', help: 'The question, e.g. Press 1 for a lost card, 2 for your balance.' },
        options: { label: 'Options', help: 'Each option becomes an output.' },
        'options.id': { label: 'Id', help: 'The output name; letters, digits, - and _.' },
        'options.label': { label: 'Label', help: 'Shown on the button; typing it also picks the option.' },
        'options.keys': { label: 'Keys', help: 'Keypad digits that pick the option, e.g. 1.' },
        'options.match': { label: 'Words', help: 'Words or phrases that pick the option, in any language.' },
        timeout: { label: 'No-input timeout', help: 'How long to wait for an answer (default 10s).' },
        maxRetries: { label: 'Retries', help: 'How many times to ask again before giving up (default 2).' },
        reprompt: { label: 'Reprompt', help: 'Said when asking again; defaults to the prompt.' },
        noMatchText: { label: 'No-match text', help: 'Said after an answer that matches nothing, before the reprompt.' },
      },
      handles: { noMatch: 'No match', noInput: 'No input' },
    },
    th: {
      label: 'เมนู',
      help: 'เสนอตัวเลือก: กดตัวเลขทางโทรศัพท์ ปุ่มในแชท หรือพิมพ์คำ และถามซ้ำเมื่อคำตอบไม่ตรงหรือไม่มีคำตอบ',
      fields: {
        prompt: { label: 'คำถาม', help: 'เช่น กด 1 หากบัตรหาย กด 2 เพื่อตรวจสอบยอดเงิน' },
        options: { label: 'ตัวเลือก', help: 'แต่ละตัวเลือกจะเป็นทางออกหนึ่งทาง' },
        'options.id': { label: 'รหัส', help: 'ชื่อทางออก ใช้ตัวอักษร ตัวเลข - และ _' },
        'options.label': { label: 'ชื่อ', help: 'แสดงบนปุ่ม และพิมพ์ชื่อนี้เพื่อเลือกได้' },
        'options.keys': { label: 'ปุ่มกด', help: 'ตัวเลขที่กดเพื่อเลือก เช่น 1' },
        'options.match': { label: 'คำที่ตรงกัน', help: 'คำหรือวลีที่ใช้เลือกตัวเลือกนี้ ภาษาใดก็ได้' },
        timeout: { label: 'เวลารอคำตอบ', help: 'ระยะเวลาที่รอคำตอบ (ค่าเริ่มต้น 10s)' },
        maxRetries: { label: 'จำนวนครั้งที่ถามซ้ำ', help: 'ถามซ้ำได้กี่ครั้งก่อนยอมแพ้ (ค่าเริ่มต้น 2)' },
        reprompt: { label: 'คำถามซ้ำ', help: 'ข้อความเมื่อถามอีกครั้ง ค่าเริ่มต้นคือคำถามเดิม' },
        noMatchText: { label: 'ข้อความเมื่อไม่ตรง', help: 'ส่งเมื่อคำตอบไม่ตรงกับตัวเลือกใด ก่อนถามซ้ำ' },
      },
      handles: { noMatch: 'ไม่ตรงตัวเลือก', noInput: 'ไม่มีคำตอบ' },
    },
  },
});
