import { z } from 'zod';
import { HandleId } from '../schema/common';
import { when } from '../compile/config';
import { defineGuard } from '../compile/implementation';
import { percentBucket } from '../lang/hash';
import { defineNode } from './define';
import { reportDuplicateHandleIds } from './patterns';
import { previewList } from './preview';

const Branch = z.object({ id: HandleId, percent: z.number().min(0).max(100).meta({ widget: 'number' }) });

interface BranchParams {
  key: string;
  from: number;
  to: number;
}

/**
 * The key a contact is bucketed by: its id, else phone, email or LINE id, else the
 * conversation (an anonymous visitor is sticky within the conversation only).
 */
export function contactKey(contact: { id?: string; phone?: string; email?: string; lineUserId?: string }, conversationId: string): string {
  return contact.id ?? contact.phone ?? contact.email ?? contact.lineUserId ?? `conversation:${conversationId}`;
}

export const splitNode = defineNode({
  type: 'split',
  category: 'logic',
  icon: 'split',
  props: z.object({ branches: z.array(Branch).min(1).meta({ widget: 'list' }) }),
  defaults: { branches: [{ id: 'a', percent: 50 }, { id: 'b', percent: 50 }] },
  handles: (data) => data.branches.map((branch) => ({ id: branch.id, label: `${branch.id} ${branch.percent}%`, active: branch.percent > 0 })),
  summary: (data) => previewList(data.branches.map((branch) => `${branch.id} ${branch.percent}%`)),
  waits: false,
  check: (data, ctx) => {
    reportDuplicateHandleIds(data.branches, [], ctx, 'branches');
    const total = data.branches.reduce((sum, branch) => sum + branch.percent, 0);
    if (Math.abs(total - 100) > 1e-9) ctx.report('split-total', { total: Math.round(total * 100) / 100 }, ['branches']);
  },
  compile: (data, ctx) => {
    let from = 0;
    const branches = data.branches.map((branch) => {
      const range = { key: `${ctx.flowId}:${ctx.id}`, from, to: from + branch.percent };
      from += branch.percent;
      return { guard: when('split.in', range satisfies BranchParams), ...ctx.go(branch.id) };
    });
    // Rounding can leave the top bucket uncovered; it belongs to the last branch.
    const last = data.branches.at(-1);
    return { always: [...branches, ...(last ? [ctx.go(last.id)] : [])] };
  },
  guards: {
    'split.in': defineGuard<BranchParams>(({ context }, p) => {
      const bucket = percentBucket(`${contactKey(context.contact, context.conversationId)}|${p.key}`);
      return bucket >= p.from && bucket < p.to;
    }),
  },
  texts: {
    en: {
      label: 'Split',
      help: 'Sends a share of contacts down each branch (A/B tests). A contact always takes the same branch.',
      fields: {
        branches: { label: 'Branches', help: 'Percentages must add up to 100.' },
        'branches.id': { label: 'Id' },
        'branches.percent': { label: 'Percent' },
      },
    },
    th: {
      label: 'แบ่งกลุ่ม',
      help: 'แบ่งผู้ติดต่อตามสัดส่วนไปแต่ละสาขา (ทดสอบ A/B) ผู้ติดต่อคนเดิมจะไปสาขาเดิมเสมอ',
      fields: {
        branches: { label: 'สาขา', help: 'เปอร์เซ็นต์รวมต้องเท่ากับ 100' },
        'branches.id': { label: 'รหัส' },
        'branches.percent': { label: 'เปอร์เซ็นต์' },
      },
    },
  },
});
