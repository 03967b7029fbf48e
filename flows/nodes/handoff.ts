import { z } from 'zod';
import { Duration, Text } from '../schema/common';
import { act, when, type ActionRef } from '../compile/config';
import { defineAction, type ActionOutput } from '../compile/implementation';
import { localText, scopeOf } from '../compile/scope';
import type { HandoffState } from '../engine/context';
import type { HandoffEffect } from '../engine/effects';
import { renderTemplate } from '../lang/template';
import { defineNode } from './define';
import { sayText } from './patterns';

interface QueueParams {
  queue: string;
  skills: string[];
  priority: number;
  summary?: z.infer<typeof Text>;
  frame: string;
  locale: string;
  wantsPosition: boolean;
}

export const handoffNode = defineNode({
  type: 'handoff',
  category: 'people',
  icon: 'headset',
  props: z.object({
    queue: z.string().min(1).meta({ widget: 'text', placeholder: 'support' }),
    skills: z.array(z.string().min(1)).optional().meta({ widget: 'tags' }),
    priority: z.number().int().min(0).max(100).default(0).meta({ widget: 'number' }),
    summary: Text.optional(),
    waitText: Text.optional(),
    positionText: Text.optional(),
    timeout: Duration.optional(),
  }),
  defaults: { queue: 'support', priority: 0 },
  handles: (data) => [
    { id: 'resolved', active: true },
    { id: 'abandoned', active: true },
    { id: 'timeout', active: data.timeout !== undefined },
  ],
  summary: (data) => `${data.queue}${data.skills?.length ? ` · ${data.skills.join(', ')}` : ''}${data.priority ? ` · P${data.priority}` : ''}`,
  waits: true,
  compile: (data, ctx) => {
    const close = (reason: string): ActionRef[] => [act('observe'), act('handoff.close', { reason })];
    return {
      entry: [
        ...(data.waitText === undefined ? [] : [sayText(ctx, data.waitText)]),
        act('handoff.queue', {
          queue: data.queue,
          skills: data.skills ?? [],
          priority: data.priority,
          summary: data.summary,
          frame: ctx.frame,
          locale: ctx.locale,
          wantsPosition: data.positionText !== undefined,
        } satisfies QueueParams),
        ...(data.timeout === undefined ? [] : [act('armTimer', { delay: data.timeout })]),
      ],
      exit: [act('cancelTimer')],
      initial: 'queued',
      states: {
        queued: {
          on: {
            AGENT_ACCEPT: { target: 'active', actions: [act('observe'), act('cancelTimer'), act('handoff.accept')] },
            AGENT_REPLY: {
              target: 'active',
              actions: [act('observe'), act('cancelTimer'), act('handoff.accept'), act('handoff.reply')],
            },
            TIMER: { guard: when('timerCurrent'), ...ctx.go('timeout', close('timeout')) },
            // The host's routing says where the customer stands; `positionText` tells them.
            QUEUE_UPDATE: { actions: [act('handoff.position'), ...(data.positionText === undefined ? [] : [sayText(ctx, data.positionText)])] },
          },
        },
        active: {
          on: {
            AGENT_ACCEPT: { actions: [act('observe'), act('handoff.accept')] },
            AGENT_REPLY: { actions: [act('observe'), act('handoff.reply')] },
          },
        },
      },
      on: {
        // A transfer queues the conversation again, so the no-agent timeout starts over.
        AGENT_TRANSFER: {
          target: '.queued',
          actions: [act('observe'), act('handoff.transfer'), ...(data.timeout === undefined ? [] : [act('armTimer', { delay: data.timeout })])],
        },
        AGENT_RESOLVE: ctx.go('resolved', close('resolved')),
        HANGUP: ctx.go('abandoned', close('abandoned')),
        // The customer keeps writing while waiting; the host shows it to the agent.
        CUSTOMER: { actions: [act('observe')] },
      },
    };
  },
  actions: {
    'handoff.queue': defineAction<QueueParams>(({ context }, p, out) => {
      const template = localText(context, p.summary, p.locale);
      const summary = template === undefined ? undefined : renderTemplate(template, scopeOf(context, p.frame));
      const handoff: HandoffState = {
        node: context.at,
        queue: p.queue,
        skills: p.skills,
        priority: p.priority,
        ...(summary !== undefined ? { summary } : {}),
        status: 'queued',
      };
      out.assign({ handoff });
      emit(out, 'handoff.queued', handoff, undefined, p.wantsPosition);
    }),
    'handoff.position': defineAction<void>(({ context, event }, _p, out) => {
      if (event.type !== 'QUEUE_UPDATE' || !context.handoff) return;
      out.assign({ handoff: { ...context.handoff, position: event.position, estimatedWaitMinutes: event.estimatedWaitMinutes } });
    }),
    'handoff.accept': defineAction<void>(({ context, event }, _p, out) => {
      if (!context.handoff) return;
      const agent = 'agent' in event && event.agent !== undefined ? event.agent : context.handoff.agent;
      if (context.handoff.status === 'accepted' && agent === context.handoff.agent) return;
      const handoff: HandoffState = { ...context.handoff, status: 'accepted', ...(agent !== undefined ? { agent } : {}) };
      out.assign({ handoff });
      emit(out, 'handoff.accepted', handoff);
    }),
    'handoff.reply': defineAction<void>(({ event }, _p, out) => {
      if (event.type !== 'AGENT_REPLY') return;
      const context = out.context;
      if (context.input.fresh) out.assign({ input: { ...context.input, fresh: false } });
      out.effect({
        type: 'send',
        channel: context.channel,
        text: event.text,
        author: 'agent',
        ...(event.agent !== undefined ? { agent: event.agent } : {}),
        node: context.at,
      });
    }),
    'handoff.transfer': defineAction<void>(({ context, event }, _p, out) => {
      if (event.type !== 'AGENT_TRANSFER' || !context.handoff) return;
      const handoff: HandoffState = {
        node: context.handoff.node,
        queue: event.queue,
        skills: event.skills ?? context.handoff.skills,
        priority: context.handoff.priority,
        ...(context.handoff.summary !== undefined ? { summary: context.handoff.summary } : {}),
        status: 'queued',
      };
      out.assign({ handoff });
      emit(out, 'handoff.transferred', handoff);
    }),
    'handoff.close': defineAction<{ reason: string }>(({ context }, p, out) => {
      if (!context.handoff) return;
      emit(out, 'handoff.closed', context.handoff, p.reason);
      out.assign({ handoff: null });
    }),
  },
  texts: {
    en: {
      label: 'Agent handoff',
      help: 'Queues the conversation for a human agent with a queue, skills, priority and a summary of the journey so far. Waits until the agent resolves it, the customer leaves, or the timeout.',
      fields: {
        queue: { label: 'Queue', help: 'e.g. support, fraud, sales.' },
        skills: { label: 'Skills', help: 'Skills the agent must have, e.g. thai, cards.' },
        priority: { label: 'Priority', help: 'Higher is answered first (0–100).' },
        summary: { label: 'Summary for the agent', help: 'A template, e.g. Lost card ending {{ vars.last4 }}.' },
        waitText: { label: 'Message while waiting', help: 'Sent to the customer on entering the queue.' },
        positionText: {
          label: 'Place in the queue',
          help: 'Sent when routing says where the customer stands, e.g. You are number {{ queue.position }}, about {{ queue.estimatedWaitMinutes }} minutes.',
        },
        timeout: { label: 'Timeout', help: 'Leave by Timeout if no agent has accepted by then.' },
      },
      handles: { resolved: 'Resolved', abandoned: 'Abandoned', timeout: 'Timeout' },
    },
    th: {
      label: 'ส่งต่อเจ้าหน้าที่',
      help: 'ส่งการสนทนาเข้าคิวเจ้าหน้าที่พร้อมคิว ทักษะ ลำดับความสำคัญ และสรุปการเดินทาง รอจนเจ้าหน้าที่ปิดเรื่อง ลูกค้าออกไป หรือหมดเวลา',
      fields: {
        queue: { label: 'คิว', help: 'เช่น support, fraud, sales' },
        skills: { label: 'ทักษะ', help: 'ทักษะที่เจ้าหน้าที่ต้องมี เช่น thai, cards' },
        priority: { label: 'ลำดับความสำคัญ', help: 'ค่าสูงได้รับบริการก่อน (0–100)' },
        summary: { label: 'สรุปสำหรับเจ้าหน้าที่', help: 'เทมเพลต เช่น บัตรหาย ลงท้าย {{ vars.last4 }}' },
        waitText: { label: 'ข้อความระหว่างรอ', help: 'ส่งถึงลูกค้าเมื่อเข้าคิว' },
        positionText: {
          label: 'ลำดับในคิว',
          help: 'ส่งเมื่อระบบแจ้งลำดับของลูกค้า เช่น คุณอยู่ลำดับที่ {{ queue.position }} รอประมาณ {{ queue.estimatedWaitMinutes }} นาที',
        },
        timeout: { label: 'หมดเวลา', help: 'ไปทาง หมดเวลา หากไม่มีเจ้าหน้าที่รับภายในเวลานี้' },
      },
      handles: { resolved: 'แก้ไขแล้ว', abandoned: 'ลูกค้าออกไป', timeout: 'หมดเวลา' },
    },
  },
});

function emit(out: ActionOutput, type: HandoffEffect['type'], handoff: HandoffState, reason?: string, wantsPosition?: boolean): void {
  out.effect({
    type,
    node: handoff.node,
    queue: handoff.queue,
    skills: handoff.skills,
    priority: handoff.priority,
    ...(handoff.summary !== undefined ? { summary: handoff.summary } : {}),
    ...(handoff.agent !== undefined ? { agent: handoff.agent } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(wantsPosition ? { wantsPosition } : {}),
  });
}
