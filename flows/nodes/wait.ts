import { z } from 'zod';
import { Duration } from '../schema/common';
import { act, when, type StateConfig } from '../compile/config';
import { defineNode } from './define';

export const waitNode = defineNode({
  type: 'wait',
  category: 'flow',
  icon: 'hourglass',
  props: z.object({
    mode: z.enum(['duration', 'reply']).default('duration').meta({ widget: 'select' }),
    duration: Duration.optional(),
    timeout: Duration.optional(),
  }),
  defaults: { mode: 'duration', duration: '1m' },
  handles: (data) => [
    { id: 'next', active: data.mode === 'duration' },
    { id: 'reply', active: data.mode === 'reply' },
    { id: 'timeout', active: data.mode === 'reply' && data.timeout !== undefined },
  ],
  summary: (data, locale) =>
    data.mode === 'duration'
      ? `${locale === 'th' ? 'รอ' : 'wait'} ${data.duration ?? '?'}`
      : `${locale === 'th' ? 'รอคำตอบ' : 'wait for a reply'}${data.timeout ? ` ≤ ${data.timeout}` : ''}`,
  waits: true,
  check: (data, ctx) => {
    if (data.mode === 'duration' && data.duration === undefined) {
      ctx.report('schema', { detail: 'mode "duration" needs a duration' }, ['duration']);
    }
  },
  compile: (data, ctx): StateConfig => {
    const onTimer = (handle: string) => ({ guard: when('timerCurrent'), ...ctx.go(handle, [act('observe')]) });
    if (data.mode === 'duration') {
      return {
        entry: [act('armTimer', { delay: data.duration ?? '0s' })],
        exit: [act('cancelTimer')],
        on: { TIMER: onTimer('next') },
      };
    }
    return {
      entry: data.timeout === undefined ? [] : [act('armTimer', { delay: data.timeout })],
      exit: [act('cancelTimer')],
      on: { CUSTOMER: ctx.go('reply', [act('observe')]), TIMER: onTimer('timeout') },
    };
  },
  texts: {
    en: {
      label: 'Wait',
      help: 'Pauses the journey for a while, or until the customer replies (with an optional timeout). The reply is then in input.text.',
      fields: {
        mode: { label: 'Wait for', help: 'A fixed duration, or the customer’s next reply.' },
        duration: { label: 'Duration', help: 'e.g. 30s, 10m, 2h, 1d.' },
        timeout: { label: 'Reply timeout', help: 'Give up waiting for a reply after this long.' },
      },
      handles: { next: 'Next', reply: 'Reply', timeout: 'Timeout' },
    },
    th: {
      label: 'รอ',
      help: 'หยุดการเดินทางชั่วคราวตามเวลาที่กำหนด หรือจนกว่าลูกค้าจะตอบ (กำหนดเวลาหมดได้) คำตอบจะอยู่ใน input.text',
      fields: {
        mode: { label: 'รอ', help: 'ตามระยะเวลา หรือจนกว่าลูกค้าจะตอบ' },
        duration: { label: 'ระยะเวลา', help: 'เช่น 30s, 10m, 2h, 1d' },
        timeout: { label: 'เวลารอคำตอบ', help: 'เลิกรอคำตอบเมื่อเกินเวลานี้' },
      },
      handles: { next: 'ถัดไป', reply: 'ได้รับคำตอบ', timeout: 'หมดเวลา' },
    },
  },
});
