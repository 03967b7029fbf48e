/**
 * The validator's diagnostic codes: a contract. The editor, the CLI and other people's checks
 * key on these codes; add new ones, never rename. Messages are templates with `{name}` slots,
 * in English and Thai.
 */
export const DIAGNOSTIC_CODES = {
  schema: { severity: 'error', en: '{detail}', th: '{detail}' },
  'duplicate-id': {
    severity: 'error',
    en: 'id "{id}" is used more than once',
    th: 'รหัส "{id}" ถูกใช้ซ้ำมากกว่าหนึ่งครั้ง',
  },
  'missing-start': {
    severity: 'error',
    en: 'the flow has no start node; add one',
    th: 'โฟลว์นี้ไม่มีโหนดเริ่มต้น กรุณาเพิ่มหนึ่งโหนด',
  },
  'multiple-start': {
    severity: 'error',
    en: 'the flow has {count} start nodes; keep exactly one',
    th: 'โฟลว์นี้มีโหนดเริ่มต้น {count} โหนด ต้องมีเพียงหนึ่งโหนด',
  },
  'unknown-node': {
    severity: 'error',
    en: 'edge "{edge}" points to node "{node}", which does not exist',
    th: 'เส้นเชื่อม "{edge}" ชี้ไปยังโหนด "{node}" ซึ่งไม่มีอยู่',
  },
  'unknown-handle': {
    severity: 'error',
    en: 'node "{node}" has no output "{handle}" (it has: {handles})',
    th: 'โหนด "{node}" ไม่มีทางออก "{handle}" (มีเพียง: {handles})',
  },
  'duplicate-edge': {
    severity: 'error',
    en: 'output "{handle}" of node "{node}" has more than one edge; an output leads to one place',
    th: 'ทางออก "{handle}" ของโหนด "{node}" มีเส้นเชื่อมมากกว่าหนึ่งเส้น ทางออกหนึ่งไปได้ที่เดียว',
  },
  'unreachable-node': {
    severity: 'error',
    en: 'node "{node}" cannot be reached from the start node; connect it or delete it',
    th: 'ไม่สามารถไปถึงโหนด "{node}" จากโหนดเริ่มต้นได้ กรุณาเชื่อมต่อหรือลบทิ้ง',
  },
  'unconnected-handle': {
    severity: 'warning',
    en: 'output "{handle}" of node "{node}" is not connected; if it fires, the conversation ends as unhandled',
    th: 'ทางออก "{handle}" ของโหนด "{node}" ยังไม่ได้เชื่อมต่อ หากเกิดขึ้น การสนทนาจะจบแบบไม่มีการจัดการ',
  },
  'infinite-loop': {
    severity: 'error',
    en: 'nodes {nodes} form a loop in which nothing waits for the customer, an agent or the clock',
    th: 'โหนด {nodes} วนซ้ำกันโดยไม่มีขั้นตอนใดรอลูกค้า เจ้าหน้าที่ หรือเวลา',
  },
  'undeclared-variable': {
    severity: 'warning',
    en: 'variable "{variable}" is read here but never declared or set',
    th: 'มีการอ่านตัวแปร "{variable}" แต่ไม่เคยประกาศหรือกำหนดค่า',
  },
  'invalid-template': {
    severity: 'error',
    en: 'the template does not parse: {detail}',
    th: 'เทมเพลตไม่ถูกต้อง: {detail}',
  },
  'invalid-regex': {
    severity: 'error',
    en: 'the pattern does not compile: {detail}',
    th: 'รูปแบบ (regex) ไม่ถูกต้อง: {detail}',
  },
  'invalid-duration': {
    severity: 'error',
    en: '"{value}" is not a duration; write it like 30s, 10m, 2h or 1d',
    th: '"{value}" ไม่ใช่ระยะเวลาที่ถูกต้อง ให้เขียนเช่น 30s, 10m, 2h หรือ 1d',
  },
  'duplicate-key': {
    severity: 'error',
    en: 'key "{key}" is used by more than one option',
    th: 'ปุ่ม "{key}" ถูกใช้ในตัวเลือกมากกว่าหนึ่งรายการ',
  },
  'split-total': {
    severity: 'error',
    en: 'split percentages add up to {total}, not 100',
    th: 'ผลรวมเปอร์เซ็นต์ของการแบ่งคือ {total} ไม่ใช่ 100',
  },
  'invalid-timezone': {
    severity: 'error',
    en: '"{value}" is not an IANA time zone (for example Asia/Bangkok)',
    th: '"{value}" ไม่ใช่เขตเวลา IANA (เช่น Asia/Bangkok)',
  },
  'recursive-subflow': {
    severity: 'error',
    en: 'this subflow leads back to flow "{flow}" ({chain}); a flow cannot call itself',
    th: 'ซับโฟลว์นี้วนกลับมายังโฟลว์ "{flow}" ({chain}) โฟลว์ไม่สามารถเรียกตัวเองได้',
  },
  'unknown-flow': {
    severity: 'warning',
    en: 'subflow "{flow}" is not among the flows given',
    th: 'ไม่พบซับโฟลว์ "{flow}" ในโฟลว์ที่ให้มา',
  },
  'invalid-expression': {
    severity: 'error',
    en: 'the JSONata expression does not parse: {detail}',
    th: 'นิพจน์ JSONata ไม่ถูกต้อง: {detail}',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; en: string; th: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning';
export type DiagnosticLocale = 'en' | 'th';

export interface Diagnostic {
  nodeId?: string;
  edgeId?: string;
  /** JSON path of the field, e.g. `nodes[2].data.options[0].keys[1]`; empty for the document. */
  path: string;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The values filled into the message, so a UI can re-render it in another language. */
  params?: Record<string, string | number>;
}

/**
 * Builds a diagnostic with the message for its code.
 *
 * @example diagnostic('unreachable-node', { node: 'menu' }, { nodeId: 'menu', path: 'nodes[3]' })
 */
export function diagnostic(
  code: DiagnosticCode,
  params: Record<string, string | number>,
  where: { nodeId?: string; edgeId?: string; path?: string },
  locale: DiagnosticLocale = 'en',
): Diagnostic {
  const spec = DIAGNOSTIC_CODES[code];
  return {
    ...(where.nodeId !== undefined ? { nodeId: where.nodeId } : {}),
    ...(where.edgeId !== undefined ? { edgeId: where.edgeId } : {}),
    path: where.path ?? '',
    code,
    severity: spec.severity,
    message: fillMessage(spec[locale], params),
    params,
  };
}

/**
 * A diagnostic as one line, `where: code: message`, where is the node, edge or path it is about.
 *
 * @example describeDiagnostic(d) // 'menu: unknown-handle: node "menu" has no output "oops" (…)'
 */
export function describeDiagnostic(diag: Diagnostic, locale: DiagnosticLocale = 'en'): string {
  const where = diag.nodeId ?? diag.edgeId ?? (diag.path || '-');
  const message = locale === 'en' || !diag.params ? diag.message : localizeDiagnostic(diag, locale);
  return `${where}: ${diag.code}: ${message}`;
}

/** Re-renders a diagnostic's message in another language. */
export function localizeDiagnostic(diag: Diagnostic, locale: DiagnosticLocale): string {
  return fillMessage(DIAGNOSTIC_CODES[diag.code][locale], diag.params ?? {});
}

function fillMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot));
}

/** Formats a path of keys as `nodes[2].data.prompt`. */
export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}
