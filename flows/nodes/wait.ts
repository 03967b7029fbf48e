import { z } from 'zod';
import { Duration } from '../schema/common';
import { act, when, type StateConfig } from '../compile/config';
import { defineNode } from './define';

export const waitNode = defineNode({
  type: 'wait',
  category: 'flow',
  icon: 'hourglass',
  props: z.object({
    mode: z.enum(['duration', 'reply']).optional().meta({ widget: 'select' }),
    duration: Duration.optional(),
    timeout: Duration.optional(),
  }),
  defaults: { mode: 'duration', duration: '1m' },
  handles: (data) => [
    { id: 'next', active: modeOf(data) === 'duration' },
    { id: 'reply', active: modeOf(data) === 'reply' },
    { id: 'timeout', active: modeOf(data) === 'reply' && data.timeout !== undefined },
  ],
  summary: (data, locale) =>
    modeOf(data) === 'duration'
      ? `${locale === 'th' ? 'รอ' : 'wait'} ${data.duration ?? '?'}`
      : `${locale === 'th' ? 'รอคำตอบ' : 'wait for a reply'}${data.timeout ? ` ≤ ${data.timeout}` : ''}`,
  waits: true,
  check: (data, ctx) => {
    if (modeOf(data) === 'duration' && data.duration === undefined) {
      ctx.report('schema', { detail: 'mode "duration" needs a duration' }, ['duration']);
    }
  },
  compile: (data, ctx): StateConfig => {
    const onTimer = (handle: string) => ({ guard: when('timerCurrent'), ...ctx.go(handle, [act('observe')]) });
    if (modeOf(data) === 'duration') {
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

/**
 * The wait's mode: as given, else "reply" when only a reply `timeout` is set (that is what
 * such a node can only mean), else "duration".
 */
function modeOf(data: { mode?: 'duration' | 'reply'; duration?: string; timeout?: string }): 'duration' | 'reply' {
  return data.mode ?? (data.duration === undefined && data.timeout !== undefined ? 'reply' : 'duration');
}
