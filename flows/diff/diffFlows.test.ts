import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import lostCard from '../examples/lost-card.flow.json';
import { FlowDocument, FlowEdge, type FlowNode } from '../schema/flow';
import { diffFlows, isEmptyDiff, type FlowDiff } from './diffFlows';

const base = FlowDocument.parse(lostCard);

/** A copy of the lost-card flow with `change` applied, parsed again as an editor would save it. */
function edited(change: (doc: FlowDocument) => void): FlowDocument {
  const doc = structuredClone(base);
  change(doc);
  return FlowDocument.parse(doc);
}

function nodeOf(doc: FlowDocument, id: string): FlowNode {
  const node = doc.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

const MenuOptions = z.array(z.looseObject({ id: z.string(), label: z.string() }));
const menuOptions = (doc: FlowDocument) => MenuOptions.parse(nodeOf(doc, 'main-menu').data.options);
const optionIds = ['lost', 'suspicious', 'agent'];

const EMPTY: FlowDiff = {
  flow: [],
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [], changed: [] },
};

describe('diffFlows on identical documents', () => {
  it('finds nothing between a document and itself, or a fresh parse of the same file', () => {
    expect(diffFlows(base, base)).toEqual(EMPTY);
    expect(diffFlows(base, FlowDocument.parse(lostCard))).toEqual(EMPTY);
    expect(isEmptyDiff(diffFlows(base, base))).toBe(true);
  });

  it('ignores key order inside node data', () => {
    const reordered = edited((doc) => {
      for (const node of doc.nodes) node.data = Object.fromEntries(Object.entries(node.data).reverse());
    });
    expect(isEmptyDiff(diffFlows(base, reordered))).toBe(true);
  });

  it('does not throw on repeated node ids, which the schema accepts and the validator reports', () => {
    const twice = edited((doc) => {
      doc.nodes.push({ ...nodeOf(doc, 'welcome'), position: { x: 9, y: 9 } });
    });
    expect(diffFlows(twice, twice)).toEqual(EMPTY);
    expect(diffFlows(base, twice).nodes.added).toEqual([{ ...nodeOf(base, 'welcome'), position: { x: 9, y: 9 } }]);
  });

  it('isEmptyDiff is false as soon as any section has an entry', () => {
    const node = nodeOf(base, 'start');
    const edge = { id: 'e', source: 'a', sourceHandle: 'next', target: 'b' };
    const variants: FlowDiff[] = [
      { ...EMPTY, flow: [{ path: 'name', before: 'a', after: 'b' }] },
      { ...EMPTY, nodes: { ...EMPTY.nodes, added: [node] } },
      { ...EMPTY, nodes: { ...EMPTY.nodes, removed: [node] } },
      { ...EMPTY, nodes: { ...EMPTY.nodes, changed: [{ id: 'start', type: 'start', fields: [] }] } },
      { ...EMPTY, edges: { ...EMPTY.edges, added: [edge] } },
      { ...EMPTY, edges: { ...EMPTY.edges, removed: [edge] } },
      { ...EMPTY, edges: { ...EMPTY.edges, changed: [{ id: 'e', fields: [] }] } },
    ];
    for (const diff of variants) expect(isEmptyDiff(diff)).toBe(false);
  });
});

describe('diffFlows on nodes', () => {
  it('lists added nodes in after order and removed nodes in before order', () => {
    const note = (id: string): FlowNode => ({ id, type: 'message', position: { x: 1, y: 2 }, data: { text: id } });
    const after = edited((doc) => {
      doc.nodes = doc.nodes.filter((node) => node.id !== 'blocked-msg' && node.id !== 'card-unknown-msg');
      doc.nodes.splice(1, 0, note('zz-first'));
      doc.nodes.push(note('aa-last'));
    });
    const diff = diffFlows(base, after);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(['zz-first', 'aa-last']);
    expect(diff.nodes.added[0]).toEqual(note('zz-first'));
    // card-unknown-msg comes before blocked-msg in the file.
    expect(diff.nodes.removed).toEqual([nodeOf(base, 'card-unknown-msg'), nodeOf(base, 'blocked-msg')]);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.flow).toEqual([]);
  });

  it('reports a type change with the after type and the data that changed with it', () => {
    const after = edited((doc) => {
      const node = nodeOf(doc, 'end-thanks');
      node.type = 'message';
      delete node.data.outcome;
    });
    expect(diffFlows(base, after).nodes.changed).toEqual([
      {
        id: 'end-thanks',
        type: 'message',
        fields: [
          { path: 'type', before: 'end', after: 'message' },
          { path: 'data.outcome', before: 'resolved', after: undefined },
        ],
      },
    ]);
  });

  it('reports a move as one position change, even when only x changes', () => {
    const after = edited((doc) => {
      nodeOf(doc, 'tag-lost').position.x = -320;
      nodeOf(doc, 'csat').position = { x: 10, y: 20 };
    });
    const diff = diffFlows(base, after);
    expect(diff.nodes.changed).toEqual([
      { id: 'tag-lost', type: 'set', fields: [{ path: 'position', before: { x: -300, y: 420 }, after: { x: -320, y: 420 } }] },
      { id: 'csat', type: 'survey', fields: [{ path: 'position', before: { x: -150, y: 2100 }, after: { x: 10, y: 20 } }] },
    ]);
    expect(isEmptyDiff({ ...diff, nodes: { ...diff.nodes, changed: [] } })).toBe(true);
  });

  it('reports a Text going from a string to a locale map as one change', () => {
    const before = edited((doc) => {
      nodeOf(doc, 'welcome').data.text = 'Hi';
    });
    const map = { 'en-US': 'Hi', 'th-TH': 'สวัสดีค่ะ' };
    const after = edited((doc) => {
      nodeOf(doc, 'welcome').data.text = map;
    });
    expect(diffFlows(before, after).nodes.changed).toEqual([
      { id: 'welcome', type: 'message', fields: [{ path: 'data.text', before: 'Hi', after: map }] },
    ]);
    expect(diffFlows(after, before).nodes.changed[0]?.fields).toEqual([{ path: 'data.text', before: map, after: 'Hi' }]);
  });

  it('walks into locale maps, in sorted key order', () => {
    const after = edited((doc) => {
      nodeOf(doc, 'welcome').data.text = { 'th-TH': 'สวัสดีค่ะ', 'en-US': 'Hello.', 'ja-JP': 'ようこそ' };
    });
    const text = z.record(z.string(), z.string()).parse(nodeOf(base, 'welcome').data.text);
    expect(diffFlows(base, after).nodes.changed[0]?.fields).toEqual([
      { path: 'data.text.en-US', before: text['en-US'], after: 'Hello.' },
      { path: 'data.text.ja-JP', before: undefined, after: 'ようこそ' },
      { path: 'data.text.th-TH', before: text['th-TH'], after: 'สวัสดีค่ะ' },
    ]);
  });

  it('matches menu options by id: label change, reorder, add and remove', () => {
    const [lost, suspicious, agent] = menuOptions(base);
    const balance = { id: 'balance', label: 'Balance', keys: ['3'] };
    const withOptions = (options: unknown[]) => {
      const after = edited((doc) => {
        nodeOf(doc, 'main-menu').data.options = options;
      });
      return diffFlows(base, after).nodes.changed[0]?.fields;
    };

    expect(withOptions([lost, { ...suspicious, label: 'Unknown charge' }, agent])).toEqual([
      { path: 'data.options[id=suspicious].label', before: 'Suspicious transaction', after: 'Unknown charge' },
    ]);
    expect(withOptions([agent, lost, suspicious])).toEqual([
      { path: 'data.options', before: optionIds, after: ['agent', 'lost', 'suspicious'] },
    ]);
    // Inserting in the middle shifts indexes but is neither a reorder nor a change of the others.
    expect(withOptions([lost, balance, suspicious, agent])).toEqual([
      { path: 'data.options[id=balance]', before: undefined, after: balance },
    ]);
    expect(withOptions([lost, agent])).toEqual([{ path: 'data.options[id=suspicious]', before: suspicious, after: undefined }]);
    expect(withOptions([{ ...lost, keys: ['1', '9'] }, suspicious, agent])).toEqual([
      { path: 'data.options[id=lost].keys[1]', before: undefined, after: '9' },
    ]);
  });

  it('reports a reorder together with the changes made in the same edit', () => {
    const [lost, suspicious, agent] = menuOptions(base);
    const after = edited((doc) => {
      nodeOf(doc, 'main-menu').data.options = [{ ...suspicious, label: 'Fraud' }, lost];
    });
    expect(diffFlows(base, after).nodes.changed[0]?.fields).toEqual([
      { path: 'data.options', before: optionIds, after: ['suspicious', 'lost'] },
      { path: 'data.options[id=suspicious].label', before: 'Suspicious transaction', after: 'Fraud' },
      { path: 'data.options[id=agent]', before: agent, after: undefined },
    ]);
  });

  it('compares arrays without ids by index', () => {
    const after = edited((doc) => {
      nodeOf(doc, 'tag-lost').data.assign = [{ variable: 'reportType', value: 'stolen' }, { variable: 'verified', value: false }];
    });
    expect(diffFlows(base, after).nodes.changed[0]?.fields).toEqual([
      { path: 'data.assign[0].value', before: 'lost', after: 'stolen' },
      { path: 'data.assign[1]', before: undefined, after: { variable: 'verified', value: false } },
    ]);
  });
});

describe('diffFlows on edges', () => {
  it('shows a retargeted edge as a change of target', () => {
    const after = edited((doc) => {
      const edge = doc.edges.find((candidate) => candidate.id === 'e-main-menu-agent');
      if (edge) edge.target = 'csat';
    });
    const diff = diffFlows(base, after);
    expect(diff.edges).toEqual({
      added: [],
      removed: [],
      changed: [{ id: 'e-main-menu-agent', fields: [{ path: 'target', before: 'fraud-handoff', after: 'csat' }] }],
    });
    expect(diff.nodes.changed).toEqual([]);
  });

  it('lists added and removed edges, an added edge with the id the schema gave it', () => {
    const gone = new Set(['e-check-card-else', 'e-card-unknown-msg-next']);
    const after = edited((doc) => {
      doc.edges = doc.edges.filter((edge) => !gone.has(edge.id));
      doc.nodes = doc.nodes.filter((node) => node.id !== 'card-unknown-msg');
      doc.edges.push(FlowEdge.parse({ source: 'check-card', sourceHandle: 'else', target: 'fraud-handoff' }));
    });
    const diff = diffFlows(base, after);
    expect(diff.edges.removed.map((edge) => edge.id)).toEqual(['e-check-card-else', 'e-card-unknown-msg-next']);
    expect(diff.edges.added).toEqual([
      { id: 'check-card-else-fraud-handoff', source: 'check-card', sourceHandle: 'else', target: 'fraud-handoff' },
    ]);
    expect(diff.nodes.removed.map((node) => node.id)).toEqual(['card-unknown-msg']);
    expect(diff.edges.changed).toEqual([]);
  });

  it('reports label and handle changes in sorted field order', () => {
    const after = edited((doc) => {
      const edge = doc.edges.find((candidate) => candidate.id === 'e-main-menu-lost');
      if (edge) Object.assign(edge, { sourceHandle: 'suspicious', label: 'Lost card', targetHandle: 'in' });
    });
    expect(diffFlows(base, after).edges.changed).toEqual([
      {
        id: 'e-main-menu-lost',
        fields: [
          { path: 'label', before: undefined, after: 'Lost card' },
          { path: 'sourceHandle', before: 'lost', after: 'suspicious' },
          { path: 'targetHandle', before: undefined, after: 'in' },
        ],
      },
    ]);
  });

  it('treats targetHandle null (as React Flow writes it) like an absent one', () => {
    const after = edited((doc) => {
      for (const edge of doc.edges) edge.targetHandle = null;
    });
    expect(isEmptyDiff(diffFlows(base, after))).toBe(true);
  });
});

describe('diffFlows on document fields', () => {
  it('reports variables added, removed and changed, by name', () => {
    const after = edited((doc) => {
      doc.variables.attempts = { type: 'number', default: 0 };
      delete doc.variables.csat;
      doc.variables.verified = { type: 'boolean', default: true, description: 'Set by verify-identity.' };
    });
    expect(diffFlows(base, after).flow).toEqual([
      { path: 'variables.attempts', before: undefined, after: { type: 'number', default: 0 } },
      { path: 'variables.csat', before: { type: 'number' }, after: undefined },
      { path: 'variables.verified.default', before: false, after: true },
      { path: 'variables.verified.description', before: undefined, after: 'Set by verify-identity.' },
    ]);
  });

  it('reports a description added, and name and locale changes, but not the id or the graph', () => {
    const { description: _description, ...rest } = base;
    const before = FlowDocument.parse(rest);
    const after = edited((doc) => {
      doc.name = 'Lost card';
      doc.locale = 'en-US';
      doc.id = 'lost-card-v2';
    });
    expect(diffFlows(before, after).flow).toEqual([
      { path: 'description', before: undefined, after: base.description },
      { path: 'locale', before: 'th-TH', after: 'en-US' },
      { path: 'name', before: 'Lost or stolen card hotline', after: 'Lost card' },
    ]);
  });
});
