import { z } from 'zod';
import { Text } from '../schema/common';
import { defineNode, fixedHandles } from './define';
import { sayText } from './patterns';
import { previewText } from './preview';

export const messageNode = defineNode({
  type: 'message',
  category: 'messaging',
  icon: 'message-square',
  props: z.object({
    text: Text,
    quickReplies: z
      .array(z.object({ id: z.string().min(1).meta({ widget: 'id' }), label: Text }))
      .optional()
      .meta({ widget: 'list' }),
    mediaUrl: z.string().min(1).optional().meta({ widget: 'url', advanced: true }),
  }),
  defaults: { text: '' },
  handles: () => fixedHandles('next'),
  summary: (data) => previewText(data.text),
  waits: false,
  compile: (data, ctx) => ({
    entry: [sayText(ctx, data.text, { quickReplies: data.quickReplies, mediaUrl: data.mediaUrl })],
    always: ctx.go('next'),
  }),
  texts: {
    en: {
      label: 'Message',
      help: 'Sends a message. On chat channels it may carry quick-reply buttons and an image.',
      fields: {
        text: { label: 'Text', help: 'What to send; a Liquid template such as Hi {{ contact.name }}.' },
        quickReplies: { label: 'Quick replies', help: 'Buttons; a click sends the button id as the payload.' },
        'quickReplies.id': { label: 'Payload id' },
        'quickReplies.label': { label: 'Button label' },
        mediaUrl: { label: 'Media URL', help: 'An image or file to attach on chat channels.' },
      },
      handles: { next: 'Next' },
    },
    th: {
      label: 'ข้อความ',
      help: 'ส่งข้อความ ในช่องทางแชทสามารถแนบปุ่มตอบกลับด่วนและรูปภาพได้',
      fields: {
        text: { label: 'ข้อความ', help: 'ข้อความที่จะส่ง เป็นเทมเพลต Liquid เช่น สวัสดี {{ contact.name }}' },
        quickReplies: { label: 'ปุ่มตอบกลับด่วน', help: 'ปุ่มกด เมื่อคลิกจะส่งรหัสของปุ่มเป็น payload' },
        'quickReplies.id': { label: 'รหัส payload' },
        'quickReplies.label': { label: 'ชื่อปุ่ม' },
        mediaUrl: { label: 'URL สื่อ', help: 'รูปภาพหรือไฟล์ที่แนบในช่องทางแชท' },
      },
      handles: { next: 'ถัดไป' },
    },
  },
});
