import { z } from 'zod';
import { Channel } from '../schema/common';
import { defineNode, fixedHandles } from './define';

export const startNode = defineNode({
  type: 'start',
  category: 'flow',
  icon: 'play',
  props: z.object({
    channels: z.array(Channel).optional().meta({ widget: 'channels' }),
    trigger: z.enum(['inbound', 'api']).default('inbound').meta({ widget: 'select' }),
  }),
  defaults: { trigger: 'inbound' },
  handles: () => fixedHandles('next'),
  summary: (data, locale) => {
    const channels = data.channels?.join(', ') ?? (locale === 'th' ? 'ทุกช่องทาง' : 'all channels');
    const trigger = data.trigger === 'api' ? 'API' : locale === 'th' ? 'ข้อความเข้า' : 'inbound';
    return `${trigger} · ${channels}`;
  },
  waits: false,
  // The channels travel in `meta` so hosts can refuse a start on another channel.
  compile: (data, ctx) => ({ always: ctx.go('next'), ...(data.channels ? { meta: { channels: data.channels } } : {}) }),
  texts: {
    en: {
      label: 'Start',
      help: 'Where every conversation begins: which channels may start this flow and how.',
      fields: {
        channels: { label: 'Channels', help: 'Channels that may start this flow; empty means all.' },
        trigger: { label: 'Trigger', help: 'Inbound: the customer writes or calls. API: your system starts it.' },
      },
      handles: { next: 'Next' },
    },
    th: {
      label: 'เริ่มต้น',
      help: 'จุดเริ่มต้นของทุกการสนทนา: ช่องทางใดเริ่มโฟลว์นี้ได้และเริ่มอย่างไร',
      fields: {
        channels: { label: 'ช่องทาง', help: 'ช่องทางที่เริ่มโฟลว์นี้ได้ หากว่างคือทุกช่องทาง' },
        trigger: { label: 'ตัวเริ่ม', help: 'ข้อความเข้า: ลูกค้าส่งข้อความหรือโทรเข้า API: ระบบของคุณเป็นผู้เริ่ม' },
      },
      handles: { next: 'ถัดไป' },
    },
  },
});
