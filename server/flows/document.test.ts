import { describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import { UserError } from '../errors';
import { canonicalJson, flowChecksum } from './checksum';
import { readFlowDocument, readStoredFlow } from './document';
import { slugify } from './flowIds';

const minimal = { format: FLOW_FORMAT, id: 'hello', name: 'Hello', nodes: [{ id: 'start', type: 'start' }] };

function refusal(raw: unknown): UserError {
  try {
    readFlowDocument(raw);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('reading flow documents from outside', () => {
  it('fills defaults and accepts JSON text', () => {
    const doc = readFlowDocument(JSON.stringify(minimal));
    expect(doc).toMatchObject({ locale: 'en-US', variables: {}, edges: [], nodes: [{ position: { x: 0, y: 0 }, data: {} }] });
  });

  it('says where JSON text breaks', () => {
    const error = refusal('{"format": ');
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('names every bad field by path', () => {
    const error = refusal({ ...minimal, id: 'Not A Slug', nodes: [{ type: 'start' }, { id: 'x', type: 'end', position: 'here' }] });
    expect(error.details.issues?.map((issue) => issue.path)).toEqual(['id', 'nodes[0].id', 'nodes[1].position']);
    expect(error.message).toMatch(/and 2 more/);
  });

  it('refuses formats it cannot read', () => {
    expect(refusal({ ...minimal, format: 'switchboard/flow@9' }).details.issues).toEqual([
      { path: 'format', message: expect.stringContaining('not supported') },
    ]);
  });

  it('takes stored documents in the current format as they are, and parses anything else', () => {
    const stored = readFlowDocument(minimal);
    expect(readStoredFlow(stored)).toBe(stored);
    expect(readStoredFlow(minimal)).toEqual(stored);
  });
});

describe('checksums and ids', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(flowChecksum({ a: 1, b: 2 })).toBe(flowChecksum({ b: 2, a: 1 }));
    expect(flowChecksum({ a: 1 })).not.toBe(flowChecksum({ a: 2 }));
  });

  it('derives slugs from names', () => {
    expect(slugify('Lost card — hotline (TH)')).toBe('lost-card-hotline-th');
    expect(slugify('Café à la carte')).toBe('cafe-a-la-carte');
    expect(slugify('แจ้งบัตรหาย')).toBe('flow');
    expect(slugify('x'.repeat(80))).toHaveLength(60);
  });
});
