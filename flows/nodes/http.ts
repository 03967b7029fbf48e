import { z } from 'zod';
import { Duration, Text, VariableName, variableKey } from '../schema/common';
import { act, when } from '../compile/config';
import { defineAction, defineGuard } from '../compile/implementation';
import { localText, scopeOf, setVars, type TemplateScope } from '../compile/scope';
import { durationMs } from '../lang/duration';
import { readPath, splitPath } from '../lang/path';
import { renderTemplate } from '../lang/template';
import { defineNode, fixedHandles } from './define';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const Save = z.object({
  variable: VariableName,
  path: z.string().default('').meta({ widget: 'text', placeholder: 'customer.tier' }),
});

const HttpProps = z.object({
  method: z.enum(HTTP_METHODS).default('GET').meta({ widget: 'select' }),
  url: Text.meta({ widget: 'liquid', placeholder: 'https://crm.example/customers/{{ contact.phone }}' }),
  headers: z.record(z.string(), Text).optional().meta({ widget: 'keyvalue' }),
  body: z.union([Text, z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional().meta({ widget: 'json' }),
  timeout: Duration.optional(),
  save: z.array(Save).optional().meta({ widget: 'list' }),
});

interface RequestParams {
  method: string;
  url: z.infer<typeof Text>;
  headers: Record<string, z.infer<typeof Text>>;
  body: unknown;
  timeoutMs: number;
  frame: string;
  locale: string;
}

interface SaveParams {
  save: z.infer<typeof Save>[];
  frame: string;
}

export const httpNode = defineNode({
  type: 'http',
  category: 'integration',
  icon: 'globe',
  props: HttpProps,
  defaults: { method: 'GET', url: 'https://' },
  handles: () => fixedHandles('ok', 'error'),
  summary: (data) => `${data.method} ${typeof data.url === 'string' ? data.url : Object.values(data.url)[0] ?? ''}`,
  waits: false,
  writes: (data) => (data.save ?? []).map((item) => variableKey(item.variable)),
  compile: (data, ctx) => ({
    entry: [
      act('http.request', {
        method: data.method,
        url: data.url,
        headers: data.headers ?? {},
        body: data.body,
        timeoutMs: durationMs(data.timeout ?? '10s'),
        frame: ctx.frame,
        locale: ctx.locale,
      } satisfies RequestParams),
    ],
    exit: [act('http.settle')],
    on: {
      HTTP_RESULT: [
        {
          guard: when('http.succeeded'),
          ...ctx.go('ok', [act('observe'), act('http.save', { save: data.save ?? [], frame: ctx.frame } satisfies SaveParams)]),
        },
        { guard: when('pendingIs'), ...ctx.go('error', [act('observe')]) },
      ],
    },
  }),
  actions: {
    'http.request': defineAction<RequestParams>(({ context }, p, out) => {
      const scope = scopeOf(context, p.frame);
      const render = (text: z.infer<typeof Text>) =>
        renderTemplate(localText(context, text, p.locale) ?? '', scope);
      const seq = context.seq + 1;
      const requestId = `h${seq}`;
      const headers = Object.fromEntries(Object.entries(p.headers).map(([name, value]) => [name, render(value)]));
      const body = renderBody(p.body, scope, render);
      if (body !== undefined && typeof p.body === 'object' && !hasHeader(headers, 'content-type')) {
        headers['content-type'] = 'application/json';
      }
      out.assign({ seq, pending: requestId });
      out.effect({
        type: 'http.request',
        requestId,
        method: p.method,
        url: render(p.url),
        headers,
        ...(body !== undefined ? { body } : {}),
        timeoutMs: p.timeoutMs,
        node: context.at,
      });
    }),
    'http.save': defineAction<SaveParams>(({ event }, p, out) => {
      if (event.type !== 'HTTP_RESULT') return;
      const body = parseBody(event.body);
      const values = Object.fromEntries(
        p.save.map((item) => [variableKey(item.variable), item.path === '' ? body : readPath(body, splitPath(item.path, { scoped: false }))]),
      );
      out.assign(setVars(out.context, p.frame, values));
    }),
    'http.settle': defineAction<void>((_args, _p, out) => out.assign({ pending: null })),
  },
  guards: {
    'http.succeeded': defineGuard<void>(
      ({ context, event }) =>
        event.type === 'HTTP_RESULT' &&
        event.requestId === context.pending &&
        event.error === undefined &&
        event.status >= 200 &&
        event.status < 300,
    ),
  },
  texts: {
    en: {
      label: 'HTTP request',
      help: 'Calls an external API (a CRM lookup, a ticket) and saves fields of the JSON answer into variables. A 2xx answer leaves by OK; anything else, or no answer in time, by Error.',
      fields: {
        method: { label: 'Method' },
        url: { label: 'URL', help: 'May use templates, e.g. https://crm.example/customers/{{ contact.phone }}.' },
        headers: { label: 'Headers', help: 'Values may use templates.' },
        body: { label: 'Body', help: 'JSON (strings inside are templates) or a text template.' },
        timeout: { label: 'Timeout', help: 'Give up after this long (default 10s).' },
        save: { label: 'Save from response' },
        'save.variable': { label: 'Variable' },
        'save.path': { label: 'Path in response', help: 'A dotted path into the JSON body, e.g. customer.tier; empty saves the whole body.' },
      },
      handles: { ok: 'OK', error: 'Error' },
    },
    th: {
      label: 'เรียก HTTP',
      help: 'เรียก API ภายนอก (ค้นหาใน CRM สร้างทิกเก็ต) แล้วเก็บค่าจากคำตอบ JSON ลงตัวแปร คำตอบ 2xx ไปทาง สำเร็จ นอกนั้นหรือหมดเวลาไปทาง ผิดพลาด',
      fields: {
        method: { label: 'เมธอด' },
        url: { label: 'URL', help: 'ใช้เทมเพลตได้ เช่น https://crm.example/customers/{{ contact.phone }}' },
        headers: { label: 'เฮดเดอร์', help: 'ค่าใช้เทมเพลตได้' },
        body: { label: 'เนื้อหา', help: 'JSON (ข้อความข้างในเป็นเทมเพลต) หรือเทมเพลตข้อความ' },
        timeout: { label: 'หมดเวลา', help: 'ยกเลิกเมื่อเกินเวลานี้ (ค่าเริ่มต้น 10s)' },
        save: { label: 'เก็บค่าจากคำตอบ' },
        'save.variable': { label: 'ตัวแปร' },
        'save.path': { label: 'ตำแหน่งในคำตอบ', help: 'เส้นทางแบบจุดใน JSON เช่น customer.tier หากว่างจะเก็บทั้งหมด' },
      },
      handles: { ok: 'สำเร็จ', error: 'ผิดพลาด' },
    },
  },
});

function renderBody(body: unknown, scope: TemplateScope, render: (text: z.infer<typeof Text>) => string): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return render(body);
  return JSON.stringify(renderJson(body, scope));
}

/** Renders every string inside a JSON body as a template; other values pass through. */
function renderJson(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') return renderTemplate(value, scope);
  if (Array.isArray(value)) return value.map((item) => renderJson(item, scope));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderJson(item, scope)]));
  }
  return value;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
