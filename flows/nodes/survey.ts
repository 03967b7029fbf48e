import { z } from 'zod';
import { Channel, Duration, Text, VariableName, variableKey } from '../schema/common';
import { act, when } from '../compile/config';
import { defineAction, defineInterpreter } from '../compile/implementation';
import { normalizeText } from '../lang/segment';
import { defineNode, fixedHandles } from './define';
import { question, sayText } from './patterns';
import { previewText } from './preview';

const SURVEY_KINDS = ['csat', 'nps', 'text'] as const;
type SurveyKind = (typeof SURVEY_KINDS)[number];

const RANGES: Record<Exclude<SurveyKind, 'text'>, [number, number]> = { csat: [1, 5], nps: [0, 10] };

/**
 * Reads a survey answer: CSAT 1–5 and NPS 0–10 as digits or a number in text ("5", "I'd say 9",
 * "๙"); free text as itself.
 *
 * @example scoreAnswer({ text: '4 stars' }, 'csat') // 4
 */
export function scoreAnswer(reply: { text?: string; digits?: string; payload?: string }, kind: SurveyKind): number | string | undefined {
  const raw = (reply.digits ?? reply.text ?? reply.payload ?? '').trim();
  if (raw === '') return undefined;
  if (kind === 'text') return raw;
  const numbers = normalizeText(raw).match(/\d+/g) ?? [];
  if (numbers.length !== 1) return undefined;
  const score = Number(numbers[0]);
  const [min, max] = RANGES[kind];
  return score >= min && score <= max ? score : undefined;
}

interface ScoreParams {
  kind: SurveyKind;
}

export const surveyNode = defineNode({
  type: 'survey',
  category: 'people',
  icon: 'star',
  props: z.object({
    kind: z.enum(SURVEY_KINDS).meta({ widget: 'select' }),
    question: Text,
    variable: VariableName,
    channel: Channel.optional().meta({ widget: 'channel' }),
    delay: Duration.optional(),
    timeout: Duration.optional(),
    maxRetries: z.number().int().min(0).max(10).default(1).meta({ widget: 'number' }),
  }),
  defaults: { kind: 'csat', question: 'How satisfied are you with our service, from 1 to 5?', variable: 'csat' },
  handles: () => fixedHandles('done', 'noResponse'),
  summary: (data) => `${data.kind.toUpperCase()}${data.delay ? ` +${data.delay}` : ''}${data.channel ? ` · ${data.channel}` : ''} · ${previewText(data.question, 36)}`,
  waits: true,
  compile: (data, ctx) => {
    const buttons = quickReplies(data.kind);
    const ask = [
      ...(data.channel === undefined ? [] : [act('survey.moveTo', { channel: data.channel })]),
      sayText(ctx, data.question, { ...(data.channel !== undefined ? { channel: data.channel } : {}), quickReplies: buttons }),
    ];
    const asking = question(ctx, {
      ask,
      timeout: data.timeout ?? '1d',
      maxRetries: data.maxRetries,
      interpret: { interpreter: 'survey.score', params: { kind: data.kind } satisfies ScoreParams },
      accept: [
        {
          guard: when('verdictOk'),
          ...ctx.go('done', [
            act('store', { frame: ctx.frame, variable: variableKey(data.variable) }),
            act('survey.metric', { kind: data.kind }),
          ]),
        },
      ],
      failHandle: 'noResponse',
      silenceHandle: 'noResponse',
      ...(data.delay === undefined
        ? {}
        : {
            initial: 'delayed',
            before: {
              delayed: {
                entry: [act('armTimer', { delay: data.delay })],
                on: { TIMER: { guard: when('timerCurrent'), target: 'ask', actions: [act('observe')] } },
              },
            },
          }),
    });
    // A survey sent elsewhere (SMS after the call) must survive the caller hanging up the call.
    if (data.channel === undefined) return asking;
    return { ...asking, on: { HANGUP: { guard: when('hangupElsewhere', { channel: data.channel }) } } };
  },
  interpreters: {
    'survey.score': defineInterpreter<ScoreParams>((reply, p) => {
      const value = scoreAnswer(reply, p.kind);
      return value === undefined ? { ok: false } : { ok: true, value };
    }),
  },
  actions: {
    'survey.moveTo': defineAction<{ channel: z.infer<typeof Channel> }>((_args, p, out) => out.assign({ channel: p.channel })),
    'survey.metric': defineAction<ScoreParams>(({ context }, p, out) => {
      const value = context.verdict?.value;
      if (typeof value === 'number' || typeof value === 'string') {
        out.effect({ type: 'metric', name: p.kind, value, node: context.at });
      }
    }),
  },
  texts: {
    en: {
      label: 'Survey',
      help: 'Asks a CSAT (1–5), NPS (0–10) or free-text question, now or after a delay, here or on another channel. The answer lands in a variable and in the metrics.',
      fields: {
        kind: { label: 'Kind' },
        question: { label: 'Question' },
        variable: { label: 'Save answer to variable' },
        channel: { label: 'Ask on channel', help: 'Defaults to the current channel.' },
        delay: { label: 'Delay', help: 'Wait this long before asking, e.g. 1h after the call.' },
        timeout: { label: 'Timeout', help: 'How long an answer may take (default 1d).' },
        maxRetries: { label: 'Retries', help: 'Asks again after an out-of-range answer or the timeout (default 1).' },
      },
      handles: { done: 'Answered', noResponse: 'No response' },
    },
    th: {
      label: 'แบบสำรวจ',
      help: 'ถามความพึงพอใจ CSAT (1–5) NPS (0–10) หรือคำถามปลายเปิด ทันทีหรือหลังจากรอ ในช่องทางนี้หรือช่องทางอื่น คำตอบเก็บในตัวแปรและในสถิติ',
      fields: {
        kind: { label: 'ชนิด' },
        question: { label: 'คำถาม' },
        variable: { label: 'เก็บคำตอบลงตัวแปร' },
        channel: { label: 'ถามทางช่องทาง', help: 'ค่าเริ่มต้นคือช่องทางปัจจุบัน' },
        delay: { label: 'หน่วงเวลา', help: 'รอเท่านี้ก่อนถาม เช่น 1h หลังวางสาย' },
        timeout: { label: 'หมดเวลา', help: 'รอคำตอบได้นานเท่าใด (ค่าเริ่มต้น 1d)' },
        maxRetries: { label: 'จำนวนครั้งที่ถามซ้ำ', help: 'ถามอีกครั้งเมื่อคำตอบอยู่นอกช่วงหรือหมดเวลา (ค่าเริ่มต้น 1)' },
      },
      handles: { done: 'ตอบแล้ว', noResponse: 'ไม่ตอบ' },
    },
  },
});

function quickReplies(kind: SurveyKind): { id: string; label: string }[] | undefined {
  if (kind === 'text') return undefined;
  const [min, max] = RANGES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => ({ id: String(min + i), label: String(min + i) }));
}
