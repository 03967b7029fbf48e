import { z } from 'zod';
import { Channel, Duration, Text } from '../schema/common';
import { act, when } from '../compile/config';
import { defineNode, fixedHandles } from './define';
import { sayText } from './patterns';

export const channelNode = defineNode({
  type: 'channel',
  category: 'messaging',
  icon: 'arrow-right-left',
  props: z.object({
    channel: Channel.meta({ widget: 'channel' }),
    via: Channel.optional().meta({ widget: 'channel' }),
    text: Text,
    timeout: Duration.optional(),
  }),
  defaults: { channel: 'webchat', via: 'sms', text: 'Continue here: {{ link }}' },
  handles: () => fixedHandles('continued', 'timeout'),
  summary: (data) => `${data.via ?? data.channel} → ${data.channel}`,
  waits: true,
  compile: (data, ctx) => ({
    entry: [
      sayText(ctx, data.text, { channel: data.via ?? data.channel, link: data.channel, linkTtl: data.timeout ?? '1d' }),
      act('armTimer', { delay: data.timeout ?? '1d' }),
    ],
    exit: [act('cancelTimer')],
    on: {
      // Only a message on the new channel continues; anything else keeps the journey waiting.
      CUSTOMER: { guard: when('channelIs', { channel: data.channel }), ...ctx.go('continued', [act('observe')]) },
      TIMER: { guard: when('timerCurrent'), ...ctx.go('timeout', [act('observe')]) },
      // Hanging up the old channel is the journey moving on; only leaving the new one abandons it.
      HANGUP: { guard: when('hangupElsewhere', { channel: data.channel }) },
    },
  }),
  texts: {
    en: {
      label: 'Switch channel',
      help: 'Moves the journey to another channel: sends a message there (e.g. an SMS with a chat link in {{ link }}) and continues when the customer writes on the new channel.',
      fields: {
        channel: { label: 'Continue on', help: 'The channel the journey moves to.' },
        via: { label: 'Send the message by', help: 'Where the message with the link goes; defaults to the new channel.' },
        text: { label: 'Message', help: '{{ link }} is a signed link that opens this journey on the new channel.' },
        timeout: { label: 'Timeout', help: 'Give up if the customer has not continued by then (default 1d).' },
      },
      handles: { continued: 'Continued', timeout: 'Timeout' },
    },
    th: {
      label: 'เปลี่ยนช่องทาง',
      help: 'ย้ายการเดินทางไปอีกช่องทาง: ส่งข้อความไปที่นั่น (เช่น SMS พร้อมลิงก์แชทใน {{ link }}) และดำเนินต่อเมื่อลูกค้าส่งข้อความในช่องทางใหม่',
      fields: {
        channel: { label: 'ดำเนินต่อที่', help: 'ช่องทางที่การเดินทางย้ายไป' },
        via: { label: 'ส่งข้อความทาง', help: 'ช่องทางที่ส่งข้อความพร้อมลิงก์ ค่าเริ่มต้นคือช่องทางใหม่' },
        text: { label: 'ข้อความ', help: '{{ link }} คือลิงก์ที่ลงนามแล้วสำหรับเปิดการเดินทางนี้ในช่องทางใหม่' },
        timeout: { label: 'หมดเวลา', help: 'เลิกรอหากลูกค้ายังไม่ดำเนินต่อภายในเวลานี้ (ค่าเริ่มต้น 1d)' },
      },
      handles: { continued: 'ดำเนินต่อแล้ว', timeout: 'หมดเวลา' },
    },
  },
});
