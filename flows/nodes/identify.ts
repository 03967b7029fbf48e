import { z } from 'zod';
import { Text } from '../schema/common';
import { act, when } from '../compile/config';
import { defineAction } from '../compile/implementation';
import { localText, scopeOf } from '../compile/scope';
import type { Contact } from '../engine/context';
import { IDENTITY_KINDS, normalizeAddress, type IdentityKind } from '../lang/address';
import { renderTemplate } from '../lang/template';
import { defineNode, fixedHandles } from './define';

interface LinkParams {
  kind: IdentityKind;
  address: Text;
  frame: string;
  locale: string;
}

/**
 * Links an address the flow has verified (an email confirmed with a code, a phone number a CRM
 * vouched for) to the conversation's contact. The host does it in the step's transaction and
 * merges the two contacts when the address already belongs to someone else, so the customer's
 * other conversations and channels join this journey's contact.
 */
export const identifyNode = defineNode({
  type: 'identify',
  category: 'integration',
  icon: 'link',
  props: z.object({
    kind: z.enum(IDENTITY_KINDS).meta({ widget: 'select' }),
    address: Text,
  }),
  defaults: { kind: 'email', address: '{{ vars.email }}' },
  handles: () => fixedHandles('linked', 'invalid'),
  summary: (data) => data.kind,
  waits: false,
  compile: (data, ctx) => ({
    entry: [act('identify.link', { kind: data.kind, address: data.address, frame: ctx.frame, locale: ctx.locale } satisfies LinkParams)],
    always: [{ guard: when('verdictOk'), ...ctx.go('linked') }, ctx.go('invalid')],
  }),
  actions: {
    'identify.link': defineAction<LinkParams>(({ context }, p, out) => {
      let raw = '';
      try {
        raw = renderTemplate(localText(context, p.address, p.locale) ?? '', scopeOf(context, p.frame));
      } catch (error) {
        out.effect({ type: 'error', node: context.at, message: `address failed to render: ${String(error)}` });
      }
      const address = normalizeAddress(p.kind, raw);
      if (address === undefined) return out.assign({ verdict: { ok: false } });
      out.effect({ type: 'identity.link', kind: p.kind, address, node: context.at });
      // Templates after this node see the contact as it now is.
      out.assign({ verdict: { ok: true, value: address }, contact: withAddress(context.contact, p.kind, address) });
    }),
  },
  texts: {
    en: {
      label: 'Link identity',
      help: 'Adds a verified address (email, phone, LINE user id, web-chat visitor) to this customer. If it belongs to another contact, the two are merged: their conversations and channels become one customer.',
      fields: {
        kind: { label: 'Kind', help: 'Phone covers both calls and SMS from that number.' },
        address: { label: 'Address', help: 'A template, e.g. {{ vars.email }}. Link only what the flow has verified.' },
      },
      handles: { linked: 'Linked', invalid: 'Not an address' },
    },
    th: {
      label: 'เชื่อมตัวตน',
      help: 'เพิ่มที่อยู่ที่ยืนยันแล้ว (อีเมล โทรศัพท์ LINE user id ผู้เยี่ยมชมเว็บแชท) ให้ลูกค้ารายนี้ หากเป็นของผู้ติดต่ออื่น จะรวมทั้งสองเป็นลูกค้าคนเดียวพร้อมบทสนทนาและช่องทางทั้งหมด',
      fields: {
        kind: { label: 'ประเภท', help: 'โทรศัพท์ครอบคลุมทั้งการโทรและ SMS จากหมายเลขนั้น' },
        address: { label: 'ที่อยู่', help: 'เทมเพลต เช่น {{ vars.email }} เชื่อมเฉพาะสิ่งที่โฟลว์ยืนยันแล้ว' },
      },
      handles: { linked: 'เชื่อมแล้ว', invalid: 'ไม่ใช่ที่อยู่ที่ถูกต้อง' },
    },
  },
});

function withAddress(contact: Contact, kind: IdentityKind, address: string): Contact {
  if (kind === 'email' && !contact.email) return { ...contact, email: address };
  if (kind === 'phone' && !contact.phone) return { ...contact, phone: address };
  if (kind === 'line' && !contact.lineUserId) return { ...contact, lineUserId: address };
  return contact;
}
