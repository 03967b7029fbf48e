import { z } from 'zod';
import { Text } from '../schema/common';
import { defineNode } from './define';
import { sayText } from './patterns';

export const END_OUTCOMES = ['resolved', 'contained', 'escalated', 'abandoned'] as const;

export const endNode = defineNode({
  type: 'end',
  category: 'flow',
  icon: 'flag',
  props: z.object({
    outcome: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .default('resolved')
      .meta({ widget: 'text', placeholder: 'resolved' }),
    text: Text.optional(),
  }),
  defaults: { outcome: 'resolved' },
  handles: () => [],
  summary: (data) => data.outcome,
  waits: false,
  compile: (data, ctx) => {
    const finish = ctx.finish(data.outcome);
    return {
      ...finish,
      entry: [...(data.text === undefined ? [] : [sayText(ctx, data.text)]), ...(finish.entry ?? [])],
    };
  },
  texts: {
    en: {
      label: 'End',
      help: 'Ends the conversation with an outcome (resolved, contained, escalated, abandoned or your own label), optionally saying goodbye first.',
      fields: {
        outcome: { label: 'Outcome', help: 'resolved, contained, escalated, abandoned, or a custom label.' },
        text: { label: 'Goodbye message' },
      },
    },
    th: {
      label: 'จบ',
      help: 'จบการสนทนาพร้อมผลลัพธ์ (resolved, contained, escalated, abandoned หรือป้ายกำกับของคุณ) และส่งข้อความลาก่อนได้',
      fields: {
        outcome: { label: 'ผลลัพธ์', help: 'resolved, contained, escalated, abandoned หรือป้ายกำกับที่กำหนดเอง' },
        text: { label: 'ข้อความปิดท้าย' },
      },
    },
  },
});
