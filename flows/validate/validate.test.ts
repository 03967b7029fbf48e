import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../nodes/catalog';
import { DIAGNOSTIC_CODES, type Diagnostic, type DiagnosticCode } from './diagnostics';
import { flowLibrary } from './library';
import { validateFlow, type ValidateOptions } from './validate';

// The severities of DESIGN.md's "Diagnostics" table, written out here on purpose: the test
// guards the contract, so it must not read the severities from the implementation.
const CONTRACT: Record<string, 'error' | 'warning'> = {
  schema: 'error',
  'duplicate-id': 'error',
  'missing-start': 'error',
  'multiple-start': 'error',
  'unknown-node': 'error',
  'unknown-handle': 'error',
  'duplicate-edge': 'error',
  'unreachable-node': 'error',
  'unconnected-handle': 'warning',
  'infinite-loop': 'error',
  'undeclared-variable': 'warning',
  'invalid-template': 'error',
  'invalid-regex': 'error',
  'invalid-duration': 'error',
  'duplicate-key': 'error',
  'split-total': 'error',
  'invalid-timezone': 'error',
  'recursive-subflow': 'error',
  'unknown-flow': 'warning',
  // Added by this implementation (DESIGN.md allows new codes).
  'invalid-expression': 'error',
};

/** Codes produced anywhere in this suite; the last test checks every code was exercised. */
const seen = new Set<DiagnosticCode>();

interface Where {
  nodeId?: string;
  edgeId?: string;
  path?: string;
}

interface FlowParts {
  id?: string;
  nodes?: unknown[];
  edges?: unknown[];
  variables?: Record<string, unknown>;
}

/** A `switchboard/flow@1` document with a `start` node (id `start`) in front of `nodes`. */
function flow({ id = 'test', nodes = [], edges = [], variables }: FlowParts): Record<string, unknown> {
  return {
    format: 'switchboard/flow@1',
    id,
    name: 'Test flow',
    ...(variables ? { variables } : {}),
    nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }, ...nodes],
    edges,
  };
}

function node(id: string, type: string, data: Record<string, unknown> = {}) {
  return { id, type, position: { x: 0, y: 0 }, data };
}

/** An edge; without a handle it leaves the default handle `next`. */
function edge(source: string, target: string, sourceHandle?: string, id?: string) {
  return { ...(id ? { id } : {}), source, target, ...(sourceHandle ? { sourceHandle } : {}) };
}

const end = (id = 'end') => node(id, 'end');
const message = (id: string, text: unknown = 'Hello') => node(id, 'message', { text });

/** start → nodes[0] → nodes[1] … by default handles; handy for single-exit nodes. */
function chain(...nodes: { id: string }[]): Record<string, unknown> {
  const edges = nodes.map((item, index) => edge(index === 0 ? 'start' : nodes[index - 1]!.id, item.id));
  return flow({ nodes, edges });
}

function validate(raw: unknown, options?: ValidateOptions): Diagnostic[] {
  const diagnostics = validateFlow(raw, options);
  for (const item of diagnostics) seen.add(item.code);
  return diagnostics;
}

function describeAll(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.code} ${d.nodeId ?? '-'} ${d.edgeId ?? '-'} ${d.path}: ${d.message}`).join('\n');
}

function matches(item: Diagnostic, code: DiagnosticCode, where: Where): boolean {
  if (item.code !== code) return false;
  return (Object.keys(where) as (keyof Where)[]).every((key) => item[key] === where[key]);
}

/** Exactly one diagnostic of `code` at `where`, with the contract's severity; returns it. */
function expectOne(diagnostics: Diagnostic[], code: DiagnosticCode, where: Where = {}): Diagnostic {
  const hits = diagnostics.filter((item) => matches(item, code, where));
  expect(hits, `one ${code} at ${JSON.stringify(where)} among\n${describeAll(diagnostics)}`).toHaveLength(1);
  expect(hits[0]!.severity).toBe(CONTRACT[code]);
  return hits[0]!;
}

function expectNone(diagnostics: Diagnostic[], code: DiagnosticCode, where: Where = {}): void {
  const hits = diagnostics.filter((item) => matches(item, code, where));
  expect(hits, `no ${code} at ${JSON.stringify(where)} among\n${describeAll(diagnostics)}`).toEqual([]);
}

describe('the diagnostic contract', () => {
  it('keeps every code of DESIGN.md with its severity', () => {
    for (const [code, severity] of Object.entries(CONTRACT)) {
      expect(DIAGNOSTIC_CODES, code).toHaveProperty([code, 'severity'], severity);
    }
  });
});

describe('schema', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'x'],
    ['an array', []],
    ['a boolean', true],
    ['undefined', undefined],
  ])('refuses %s as a document', (_name, raw) => {
    const [only, ...rest] = validate(raw);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ code: 'schema', severity: 'error', path: '' });
    expect(only!.message).toMatch(/object/);
  });

  it('names the format when it is missing, once', () => {
    const { format: _format, ...doc } = chain(end());
    const found = validate(doc).filter((d) => d.path === 'format');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('switchboard/flow@1');
  });

  it('says which format it reads when the format is wrong', () => {
    const found = expectOne(validate({ ...chain(end()), format: 'switchboard/flow@9' }), 'schema', { path: 'format' });
    expect(found.message).toContain('switchboard/flow@9');
    expect(found.message).toContain('switchboard/flow@1');
  });

  it('requires a name', () => {
    const { name: _name, ...doc } = chain(end());
    expect(expectOne(validate(doc), 'schema', { path: 'name' }).message).toMatch(/required/);
  });

  it('refuses a node id that is not a slug', () => {
    const found = expectOne(validate(chain(node('Ask Name', 'end'))), 'schema', { path: 'nodes[1].id' });
    expect(found.nodeId).toBe('Ask Name');
  });

  it('names the known node types for an unknown one', () => {
    const found = expectOne(validate(chain(node('x', 'gizmo'))), 'schema', { nodeId: 'x', path: 'nodes[1].type' });
    expect(found.message).toContain('gizmo');
    for (const type of NODE_TYPES) expect(found.message).toContain(type.type);
  });

  it('points at a missing required field of node data', () => {
    const found = expectOne(validate(chain(node('menu', 'menu', { prompt: 'Pick one' }))), 'schema', {
      nodeId: 'menu',
      path: 'nodes[1].data.options',
    });
    expect(found.message).toMatch(/required/);
  });

  it('points at a nested field of the wrong type, and does not call it missing', () => {
    const menu = node('menu', 'menu', { prompt: 'Pick one', options: [{ id: 'a', label: 'A', keys: ['1', 2] }] });
    const found = expectOne(validate(chain(menu)), 'schema', { nodeId: 'menu', path: 'nodes[1].data.options[0].keys[1]' });
    expect(found.message).not.toMatch(/required/);
    expect(found.message).toMatch(/string/);
  });

  it('reports a null node as the wrong type, not as missing', () => {
    const found = expectOne(validate(flow({ nodes: [null] })), 'schema', { path: 'nodes[1]' });
    expect(found.message).not.toMatch(/required/);
  });

  it('reports node-specific rules (a condition case needs rules or an expression)', () => {
    const condition = node('check', 'condition', { cases: [{ id: 'adult' }] });
    expectOne(validate(chain(condition)), 'schema', { nodeId: 'check', path: 'nodes[1].data.cases[0]' });
  });

  it('points at the bad field of an edge', () => {
    expectOne(validate(flow({ nodes: [end()], edges: [edge('start', 'end'), { source: 'start' }] })), 'schema', {
      path: 'edges[1].target',
    });
  });

  it('does not let one bad node hide the problems of the others', () => {
    const doc = flow({
      nodes: [
        node('menu', 'menu', { prompt: 'Pick one' }),
        message('hello', 'Hi {{ vars.name '),
        node('pause', 'wait', { mode: 'duration', duration: 'soon' }),
        end(),
      ],
      edges: [edge('start', 'menu'), edge('menu', 'hello', 'lost'), edge('hello', 'pause'), edge('pause', 'end'), edge('end', 'hello')],
    });
    const found = validate(doc);
    expectOne(found, 'schema', { nodeId: 'menu', path: 'nodes[1].data.options' });
    expectOne(found, 'invalid-template', { nodeId: 'hello', path: 'nodes[2].data.text' });
    expectOne(found, 'invalid-duration', { nodeId: 'pause', path: 'nodes[3].data.duration' });
    expectOne(found, 'unknown-handle', { edgeId: 'end-next-hello', path: 'edges[4].sourceHandle' });
    // The broken menu still exists: edges from and to it are not "unknown-node".
    expectNone(found, 'unknown-node');
    expectNone(found, 'unreachable-node');
  });
});

describe('ids and start', () => {
  it('reports two nodes with the same id on the second', () => {
    const doc = flow({ nodes: [end('done'), end('done')], edges: [edge('start', 'done')] });
    expectOne(validate(doc), 'duplicate-id', { nodeId: 'done', path: 'nodes[2].id' });
  });

  it('reports a node id repeated by a node whose data is broken', () => {
    const doc = flow({ nodes: [end('done'), node('done', 'menu', {})], edges: [edge('start', 'done')] });
    expectOne(validate(doc), 'duplicate-id', { nodeId: 'done', path: 'nodes[2].id' });
  });

  it('reports two edges with the same id', () => {
    const doc = flow({ nodes: [message('hi'), end()], edges: [edge('start', 'hi', undefined, 'e1'), edge('hi', 'end', undefined, 'e1')] });
    expectOne(validate(doc), 'duplicate-id', { edgeId: 'e1', path: 'edges[1].id' });
  });

  it('does not call two id-less edges a duplicate id (they are a duplicate edge)', () => {
    const found = validate(flow({ nodes: [end()], edges: [edge('start', 'end'), edge('start', 'end')] }));
    expectNone(found, 'duplicate-id');
    expectOne(found, 'duplicate-edge', { path: 'edges[1]' });
  });

  it('reports menu option ids that repeat or take a fixed handle', () => {
    const menu = node('menu', 'menu', {
      prompt: 'Pick',
      options: [
        { id: 'a', label: 'A' },
        { id: 'a', label: 'B' },
        { id: 'noMatch', label: 'C' },
      ],
    });
    const found = validate(chain(menu));
    expectOne(found, 'duplicate-id', { nodeId: 'menu', path: 'nodes[1].data.options[1].id' });
    expectOne(found, 'duplicate-id', { nodeId: 'menu', path: 'nodes[1].data.options[2].id' });
    // A repeated handle is one handle: its warning comes once.
    expect(found.filter((d) => d.code === 'unconnected-handle' && d.params?.handle === 'a')).toHaveLength(1);
  });

  it('reports condition case ids that repeat or take the fixed "else" handle', () => {
    const rules = [{ var: 'contact.name', op: 'exists' }];
    const condition = node('check', 'condition', { cases: [{ id: 'else', rules }, { id: 'vip', rules }, { id: 'vip', rules }] });
    const found = validate(chain(condition));
    expectOne(found, 'duplicate-id', { nodeId: 'check', path: 'nodes[1].data.cases[0].id' });
    expectOne(found, 'duplicate-id', { nodeId: 'check', path: 'nodes[1].data.cases[2].id' });
  });

  it('accepts distinct ids', () => {
    const menu = node('menu', 'menu', { prompt: 'Pick', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] });
    expectNone(validate(chain(menu)), 'duplicate-id');
  });

  it('reports a flow without a start node', () => {
    const doc = { ...flow({}), nodes: [end()] };
    expectOne(validate(doc), 'missing-start', { path: 'nodes' });
  });

  it('reports every start node when there are several', () => {
    const doc = flow({ nodes: [node('again', 'start'), end()], edges: [edge('start', 'end'), edge('again', 'end')] });
    const found = validate(doc);
    expectOne(found, 'multiple-start', { nodeId: 'start', path: 'nodes[0]' });
    expectOne(found, 'multiple-start', { nodeId: 'again', path: 'nodes[1]' });
    expectNone(found, 'missing-start');
  });

  it('counts a start node with broken data as a start', () => {
    const doc = flow({ nodes: [node('again', 'start', { channels: 'voice' }), end()], edges: [edge('start', 'end')] });
    const found = validate(doc);
    expectOne(found, 'multiple-start', { nodeId: 'again', path: 'nodes[1]' });
  });

  it('is happy with exactly one start', () => {
    const found = validate(chain(end()));
    expectNone(found, 'missing-start');
    expectNone(found, 'multiple-start');
  });
});

describe('edges', () => {
  it('reports an edge whose source or target does not exist', () => {
    const doc = flow({ nodes: [end()], edges: [edge('start', 'end'), edge('ghost', 'end', undefined, 'from-ghost'), edge('end', 'nowhere', undefined, 'to-nowhere')] });
    const found = validate(doc);
    const fromGhost = expectOne(found, 'unknown-node', { edgeId: 'from-ghost', path: 'edges[1].source' });
    // No node to attach it to: the source does not exist.
    expect(fromGhost.nodeId).toBeUndefined();
    expectOne(found, 'unknown-node', { edgeId: 'to-nowhere', nodeId: 'end', path: 'edges[2].target' });
  });

  it('reports an edge that leaves a handle the node does not have', () => {
    const doc = flow({ nodes: [message('hi'), end()], edges: [edge('start', 'hi'), edge('hi', 'end', 'ok', 'bad')] });
    const found = expectOne(validate(doc), 'unknown-handle', { edgeId: 'bad', nodeId: 'hi', path: 'edges[1].sourceHandle' });
    expect(found.message).toContain('"ok"');
    expect(found.message).toContain('next');
  });

  it('reads an edge without sourceHandle from a menu as "next", which a menu does not have', () => {
    const menu = node('menu', 'menu', { prompt: 'Pick', options: [{ id: 'a', label: 'A' }] });
    const doc = flow({ nodes: [menu, end()], edges: [edge('start', 'menu'), edge('menu', 'end')] });
    const found = expectOne(validate(doc), 'unknown-handle', { nodeId: 'menu', path: 'edges[1].sourceHandle' });
    expect(found.params?.handle).toBe('next');
  });

  it('reads a null sourceHandle (React Flow) as "next"', () => {
    const doc = flow({ nodes: [message('hi'), end()], edges: [edge('start', 'hi'), { source: 'hi', sourceHandle: null, target: 'end' }] });
    expect(validate(doc)).toEqual([]);
  });

  it('reports a handle with two edges on the second one', () => {
    const doc = flow({ nodes: [end('a'), end('b')], edges: [edge('start', 'a'), edge('start', 'b', undefined, 'second')] });
    expectOne(validate(doc), 'duplicate-edge', { edgeId: 'second', nodeId: 'start', path: 'edges[1]' });
  });

  it('lets different handles of one node lead to the same node', () => {
    const http = node('call', 'http', { url: 'https://crm.example' });
    const doc = flow({ nodes: [http, end()], edges: [edge('start', 'call'), edge('call', 'end', 'ok'), edge('call', 'end', 'error')] });
    expect(validate(doc)).toEqual([]);
  });
});

describe('reachability and handles', () => {
  it('reports a node no path from start reaches', () => {
    const doc = flow({ nodes: [end(), message('orphan'), end('after')], edges: [edge('start', 'end'), edge('orphan', 'after')] });
    const found = validate(doc);
    expectOne(found, 'unreachable-node', { nodeId: 'orphan', path: 'nodes[2]' });
    expectOne(found, 'unreachable-node', { nodeId: 'after', path: 'nodes[3]' });
  });

  it('points at a broken node that is unreachable', () => {
    const doc = flow({ nodes: [end(), node('lost', 'gizmo')], edges: [edge('start', 'end')] });
    expectOne(validate(doc), 'unreachable-node', { nodeId: 'lost', path: 'nodes[2]' });
  });

  it('reaches nodes through any handle, loops included', () => {
    const menu = node('menu', 'menu', { prompt: 'Pick', options: [{ id: 'again', label: 'Again' }] });
    const doc = flow({
      nodes: [menu, message('sorry'), end()],
      edges: [edge('start', 'menu'), edge('menu', 'sorry', 'noMatch'), edge('sorry', 'menu'), edge('menu', 'menu', 'again'), edge('menu', 'end', 'noInput')],
    });
    expect(validate(doc)).toEqual([]);
  });

  it('warns about a handle that can fire and has no edge', () => {
    const handoff = node('agent', 'handoff', { queue: 'cards', timeout: '10m' });
    const doc = flow({ nodes: [handoff, end()], edges: [edge('start', 'agent'), edge('agent', 'end', 'resolved'), edge('agent', 'end', 'abandoned')] });
    const found = expectOne(validate(doc), 'unconnected-handle', { nodeId: 'agent', path: 'nodes[1]' });
    expect(found.params?.handle).toBe('timeout');
  });

  it.each([
    ['the timeout of a handoff without a timeout', node('n', 'handoff', { queue: 'cards' }), ['resolved', 'abandoned']],
    ['reply and timeout of a wait in duration mode', node('n', 'wait', { mode: 'duration', duration: '1h' }), ['next']],
    ['next and timeout of a wait for a reply without timeout', node('n', 'wait', { mode: 'reply' }), ['reply']],
    ['a split branch of 0%', node('n', 'split', { branches: [{ id: 'a', percent: 100 }, { id: 'b', percent: 0 }] }), ['a']],
  ])('does not warn about handles that cannot fire: %s', (_name, tested, handles) => {
    const doc = flow({ nodes: [tested, end()], edges: [edge('start', 'n'), ...handles.map((handle) => edge('n', 'end', handle))] });
    expect(validate(doc)).toEqual([]);
  });

  it('accepts an edge on a handle that cannot fire', () => {
    const handoff = node('n', 'handoff', { queue: 'cards' });
    const doc = flow({
      nodes: [handoff, end()],
      edges: [edge('start', 'n'), edge('n', 'end', 'resolved'), edge('n', 'end', 'abandoned'), edge('n', 'end', 'timeout')],
    });
    expect(validate(doc)).toEqual([]);
  });
});

describe('infinite-loop', () => {
  const retry = (data: Record<string, unknown>) => node('retry', 'condition', { cases: [{ id: 'done', rules: [{ var: 'vars.count', op: 'gte', value: 3 }] }], ...data });
  const bump = node('bump', 'set', { assign: [{ variable: 'count', expression: 'vars.count + 1' }] });

  it('reports a condition → set → condition cycle', () => {
    const doc = flow({
      nodes: [retry({}), bump, end()],
      edges: [edge('start', 'retry'), edge('retry', 'end', 'done'), edge('retry', 'bump', 'else'), edge('bump', 'retry')],
    });
    const found = expectOne(validate(doc), 'infinite-loop', { nodeId: 'retry', path: 'nodes[1]' });
    expect(found.message).toContain('"retry"');
    expect(found.message).toContain('"bump"');
  });

  it('reports a cycle through the error handle of an http call', () => {
    const http = node('call', 'http', { url: 'https://crm.example' });
    const doc = flow({ nodes: [http, message('oops'), end()], edges: [edge('start', 'call'), edge('call', 'end', 'ok'), edge('call', 'oops', 'error'), edge('oops', 'call')] });
    expectOne(validate(doc), 'infinite-loop', { nodeId: 'call' });
  });

  it('reports a self-loop', () => {
    const doc = flow({ nodes: [retry({}), end()], edges: [edge('start', 'retry'), edge('retry', 'end', 'done'), edge('retry', 'retry', 'else')] });
    expectOne(validate(doc), 'infinite-loop', { nodeId: 'retry', path: 'nodes[1]' });
  });

  it.each([
    ['menu', node('w', 'menu', { prompt: 'Again?', options: [{ id: 'yes', label: 'Yes' }] }), ['yes', 'noMatch', 'noInput']],
    ['collect', node('w', 'collect', { prompt: 'Number?', variable: 'n', kind: 'number' }), ['next', 'invalid', 'noInput']],
    ['wait', node('w', 'wait', { mode: 'duration', duration: '1m' }), ['next']],
    ['survey', node('w', 'survey', { kind: 'csat', question: 'How was it?', variable: 'score' }), ['done', 'noResponse']],
    ['handoff', node('w', 'handoff', { queue: 'cards' }), ['resolved', 'abandoned']],
    ['channel', node('w', 'channel', { channel: 'webchat', via: 'sms', text: 'Go on here: {{ link }}' }), ['continued', 'timeout']],
  ])('accepts a cycle through a %s, which waits', (_type, waiting, handles) => {
    const doc = flow({
      variables: { count: { type: 'number' } },
      nodes: [retry({}), bump, waiting, end()],
      edges: [edge('start', 'retry'), edge('retry', 'end', 'done'), edge('retry', 'bump', 'else'), edge('bump', 'w'), ...handles.map((h) => edge('w', 'retry', h))],
    });
    expect(validate(doc)).toEqual([]);
  });

  const child = (id: string, waits: boolean) =>
    flow({
      id,
      nodes: [waits ? node('pause', 'wait', { mode: 'duration', duration: '1m' }) : message('pause'), end()],
      edges: [edge('start', 'pause'), edge('pause', 'end')],
    });
  const parent = flow({
    id: 'parent',
    nodes: [retry({}), node('sub', 'subflow', { flow: 'child' }), end()],
    edges: [edge('start', 'retry'), edge('retry', 'end', 'done'), edge('retry', 'sub', 'else'), edge('sub', 'retry', 'done'), edge('sub', 'end', 'error')],
    variables: { count: { type: 'number' } },
  });

  it('accepts a cycle through a subflow whose child waits', () => {
    expect(validate(parent, { flows: flowLibrary([parent, child('child', true)]) })).toEqual([]);
  });

  it('reports a cycle through a subflow whose child never waits', () => {
    expectOne(validate(parent, { flows: flowLibrary([parent, child('child', false)]) }), 'infinite-loop', { nodeId: 'retry' });
  });

  it('finds a cycle of 5,000 nodes without overflowing the stack', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `n${index}`);
    const doc = flow({
      nodes: ids.map((id) => message(id)),
      edges: [edge('start', 'n0'), ...ids.map((id, index) => edge(id, ids[(index + 1) % ids.length]!))],
    });
    expectOne(validate(doc), 'infinite-loop', { nodeId: 'n0' });
  });
});

describe('undeclared-variable', () => {
  it('warns about a variable read in a template', () => {
    const found = expectOne(validate(chain(message('hi', 'Hi {{ vars.who }}'), end())), 'undeclared-variable', {
      nodeId: 'hi',
      path: 'nodes[1].data.text',
    });
    expect(found.params?.variable).toBe('who');
  });

  it('warns once per node and variable', () => {
    const found = validate(chain(message('hi', '{{ vars.who }} {{ vars.who | upcase }}'), end()));
    expect(found.filter((d) => d.code === 'undeclared-variable')).toHaveLength(1);
  });

  it('warns about a variable read by a rule, with or without "vars."', () => {
    const condition = node('check', 'condition', {
      cases: [{ id: 'ok', rules: [{ var: 'vars.age', op: 'gte', value: 18 }, { var: 'tier', op: 'eq', value: 'gold' }] }],
    });
    const doc = flow({ nodes: [condition, end()], edges: [edge('start', 'check'), edge('check', 'end', 'ok'), edge('check', 'end', 'else')] });
    const found = validate(doc);
    expectOne(found, 'undeclared-variable', { nodeId: 'check', path: 'nodes[1].data.cases[0].rules[0].var' });
    expectOne(found, 'undeclared-variable', { nodeId: 'check', path: 'nodes[1].data.cases[0].rules[1].var' });
  });

  it('warns about a variable read by a JSONata expression', () => {
    const condition = node('check', 'condition', { cases: [{ id: 'ok', expression: 'vars.age >= 18' }] });
    const doc = flow({ nodes: [condition, end()], edges: [edge('start', 'check'), edge('check', 'end', 'ok'), edge('check', 'end', 'else')] });
    expectOne(validate(doc), 'undeclared-variable', { nodeId: 'check', path: 'nodes[1].data.cases[0].expression' });
  });

  it('does not warn about the rest of the template scope or Liquid locals', () => {
    const text = '{{ contact.name }} {{ input.text }} {{ channel }} {{ conversation.id }} {% for item in vars.items %}{{ item }}{% endfor %}{% assign x = 1 %}{{ x }}';
    const doc = flow({ variables: { items: { type: 'array' } }, nodes: [message('hi', text), end()], edges: [edge('start', 'hi'), edge('hi', 'end')] });
    expect(validate(doc)).toEqual([]);
  });

  it('does not warn about a declared variable', () => {
    const doc = flow({ variables: { who: { type: 'string' } }, nodes: [message('hi', 'Hi {{ vars.who }}'), end()], edges: [edge('start', 'hi'), edge('hi', 'end')] });
    expect(validate(doc)).toEqual([]);
  });

  it.each([
    ['set', node('w', 'set', { assign: [{ variable: 'vars.value', value: 'x' }] }), ['next']],
    ['collect', node('w', 'collect', { prompt: 'Value?', variable: 'value', kind: 'text' }), ['next', 'invalid', 'noInput']],
    ['http save', node('w', 'http', { url: 'https://crm.example', save: [{ variable: 'value', path: 'customer.tier' }] }), ['ok', 'error']],
    ['intent variable', node('w', 'intent', { intents: [{ id: 'help', examples: ['help me'] }], variable: 'value' }), ['help', 'fallback']],
    ['survey variable', node('w', 'survey', { kind: 'nps', question: 'Recommend us?', variable: 'value' }), ['done', 'noResponse']],
    ['subflow output', node('w', 'subflow', { flow: 'child', output: { value: 'answer' } }), ['done', 'error']],
  ])('does not warn about a variable set by %s', (_name, writer, handles) => {
    const reader = message('read', 'You said {{ vars.value }}');
    const doc = flow({ nodes: [reader, writer, end()], edges: [edge('start', 'w'), ...handles.map((h) => edge('w', 'read', h)), edge('read', 'end')] });
    const child = flow({ id: 'child', nodes: [end()], edges: [edge('start', 'end')] });
    // The reader comes first in the document: where a variable is set does not matter.
    expect(validate(doc, { flows: flowLibrary([child]) })).toEqual([]);
  });
});

describe('field checks', () => {
  it('reports a template that does not parse', () => {
    expectOne(validate(chain(message('hi', 'Hi {{ vars.name '), end())), 'invalid-template', { nodeId: 'hi', path: 'nodes[1].data.text' });
  });

  it('points into a per-locale and per-channel text map', () => {
    const text = { 'th-TH': 'สวัสดี {{ contact.name', 'en-US': { default: 'Hello', voice: '{% if %}' } };
    const found = validate(chain(message('hi', text), end()));
    expectOne(found, 'invalid-template', { nodeId: 'hi', path: 'nodes[1].data.text.th-TH' });
    expectOne(found, 'invalid-template', { nodeId: 'hi', path: 'nodes[1].data.text.en-US.voice' });
  });

  it('checks the templates of http headers and bodies', () => {
    const http = node('call', 'http', { url: 'https://crm.example', headers: { Authorization: 'Bearer {{ vars.token' }, body: { q: ['{% if %}'] } });
    const found = validate(flow({ nodes: [http, end()], edges: [edge('start', 'call'), edge('call', 'end', 'ok'), edge('call', 'end', 'error')] }));
    expectOne(found, 'invalid-template', { nodeId: 'call', path: 'nodes[1].data.headers.Authorization' });
    expectOne(found, 'invalid-template', { nodeId: 'call', path: 'nodes[1].data.body.q[0]' });
  });

  it('accepts plain text with braces that is not a template', () => {
    expect(validate(chain(message('hi', 'Prices { from 10 } baht'), end()))).toEqual([]);
  });

  const collect = (pattern: string) => node('ask', 'collect', { prompt: 'Code?', variable: 'code', kind: 'regex', pattern });
  const collectFlow = (pattern: string) =>
    flow({ nodes: [collect(pattern), end()], edges: [edge('start', 'ask'), ...['next', 'invalid', 'noInput'].map((h) => edge('ask', 'end', h))] });

  it('reports a collect pattern that does not compile', () => {
    expectOne(validate(collectFlow('([A-Z')), 'invalid-regex', { nodeId: 'ask', path: 'nodes[1].data.pattern' });
  });

  it('accepts a pattern that compiles', () => {
    expect(validate(collectFlow('^[A-Z]{2}\\d{4}$'))).toEqual([]);
  });

  const ruleFlow = (op: string, value: string) =>
    flow({
      nodes: [node('check', 'condition', { cases: [{ id: 'ok', rules: [{ var: 'contact.email', op: 'exists' }, { var: 'contact.email', op, value }] }] }), end()],
      edges: [edge('start', 'check'), edge('check', 'end', 'ok'), edge('check', 'end', 'else')],
    });

  it('reports the pattern of a "matches" rule that does not compile', () => {
    expectOne(validate(ruleFlow('matches', '([a-z')), 'invalid-regex', { nodeId: 'check', path: 'nodes[1].data.cases[0].rules[1].value' });
  });

  it('accepts a "matches" pattern that compiles, and other ops with regex-like text', () => {
    expect(validate(ruleFlow('matches', '@example\\.com$'))).toEqual([]);
    expect(validate(ruleFlow('contains', '([a-z'))).toEqual([]);
  });

  it('reports bad durations in a menu timeout, a wait and a survey delay', () => {
    const doc = flow({
      nodes: [
        node('menu', 'menu', { prompt: 'Pick', timeout: '10 sec', options: [{ id: 'a', label: 'A' }] }),
        node('pause', 'wait', { mode: 'duration', duration: 'soon' }),
        node('csat', 'survey', { kind: 'csat', question: 'How was it?', variable: 'csat', delay: '1 week' }),
        end(),
      ],
      edges: [
        edge('start', 'menu'),
        ...['a', 'noMatch', 'noInput'].map((h) => edge('menu', 'pause', h)),
        edge('pause', 'csat'),
        edge('csat', 'end', 'done'),
        edge('csat', 'end', 'noResponse'),
      ],
    });
    const found = validate(doc);
    expect(expectOne(found, 'invalid-duration', { nodeId: 'menu', path: 'nodes[1].data.timeout' }).message).toContain('10 sec');
    expectOne(found, 'invalid-duration', { nodeId: 'pause', path: 'nodes[2].data.duration' });
    expectOne(found, 'invalid-duration', { nodeId: 'csat', path: 'nodes[3].data.delay' });
  });

  it('accepts durations like 30s, 10m, 2h, 1d and 1h30m', () => {
    const waits = ['30s', '10m', '2h', '1d', '1h30m'].map((duration, index) => node(`w${index}`, 'wait', { mode: 'duration', duration }));
    expect(validate(chain(...waits, end()))).toEqual([]);
  });

  const menuWithKeys = (a: string[], b: string[]) =>
    node('menu', 'menu', { prompt: 'Pick', options: [{ id: 'a', label: 'A', keys: a }, { id: 'b', label: 'B', keys: b }] });

  it('reports a key used by two options of one menu, on the second use', () => {
    expectOne(validate(chain(menuWithKeys(['1'], ['2', '1']))), 'duplicate-key', { nodeId: 'menu', path: 'nodes[1].data.options[1].keys[1]' });
  });

  it('accepts distinct keys', () => {
    expectNone(validate(chain(menuWithKeys(['1', '*'], ['2', '#']))), 'duplicate-key');
  });

  const split = (...percents: number[]) =>
    flow({
      nodes: [node('ab', 'split', { branches: percents.map((percent, index) => ({ id: `b${index}`, percent })) }), end()],
      edges: [edge('start', 'ab'), ...percents.map((_, index) => edge('ab', 'end', `b${index}`))],
    });

  it('reports split percentages that do not add up to 100', () => {
    const found = expectOne(validate(split(50, 40)), 'split-total', { nodeId: 'ab', path: 'nodes[1].data.branches' });
    expect(found.message).toContain('90');
  });

  it('accepts percentages that add up to 100, decimals included', () => {
    expect(validate(split(50, 50))).toEqual([]);
    expect(validate(split(33.3, 33.3, 33.4))).toEqual([]);
  });

  const hours = (timezone: string) =>
    flow({
      nodes: [node('office', 'hours', { timezone, weekly: [{ day: 'mon', open: '09:00', close: '18:00' }] }), end()],
      edges: [edge('start', 'office'), edge('office', 'end', 'open'), edge('office', 'end', 'closed')],
    });

  it('reports a time zone that is not IANA', () => {
    expectOne(validate(hours('Mars/Olympus')), 'invalid-timezone', { nodeId: 'office', path: 'nodes[1].data.timezone' });
  });

  it('accepts IANA time zones', () => {
    expect(validate(hours('Asia/Bangkok'))).toEqual([]);
    expect(validate(hours('UTC'))).toEqual([]);
  });

  it('reports a JSONata expression that does not parse (invalid-expression)', () => {
    const found = validate(chain(node('calc', 'set', { assign: [{ variable: 'total', expression: '1 +' }] }), end()));
    expectOne(found, 'invalid-expression', { nodeId: 'calc', path: 'nodes[1].data.assign[0].expression' });
  });

  it('accepts a JSONata expression that parses', () => {
    const calc = node('calc', 'set', { assign: [{ variable: 'total', expression: '$sum([1, 2]) * 2' }] });
    expect(validate(chain(calc, end()))).toEqual([]);
  });
});

describe('subflows', () => {
  const caller = (id: string, calls: string) =>
    flow({ id, nodes: [node('sub', 'subflow', { flow: calls }), end()], edges: [edge('start', 'sub'), edge('sub', 'end', 'done'), edge('sub', 'end', 'error')] });

  it('reports a flow that calls itself', () => {
    const found = expectOne(validate(caller('loop', 'loop')), 'recursive-subflow', { nodeId: 'sub', path: 'nodes[1].data.flow' });
    expect(found.message).toContain('loop → loop');
  });

  it('reports a → b → a through the library', () => {
    const a = caller('a', 'b');
    const b = caller('b', 'a');
    const found = expectOne(validate(a, { flows: flowLibrary([a, b]) }), 'recursive-subflow', { nodeId: 'sub', path: 'nodes[1].data.flow' });
    expect(found.message).toContain('a → b → a');
  });

  it('accepts a → b when b calls nothing', () => {
    const a = caller('a', 'b');
    const b = flow({ id: 'b', nodes: [end()], edges: [edge('start', 'end')] });
    expect(validate(a, { flows: flowLibrary([a, b]) })).toEqual([]);
  });

  it('warns about a subflow not among the flows given', () => {
    const found = expectOne(validate(caller('a', 'missing'), { flows: flowLibrary([]) }), 'unknown-flow', {
      nodeId: 'sub',
      path: 'nodes[1].data.flow',
    });
    expect(found.message).toContain('missing');
  });
});

/** Builds an object nested `depth` levels deep, iteratively. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
}

describe('robustness', () => {
  const F = 'switchboard/flow@1';
  const cyclic: Record<string, unknown> = { q: 'x' };
  cyclic.self = cyclic;
  const hostile: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'x'],
    ['an array', []],
    ['a Map', new Map()],
    ['nodes that are a string', { format: F, id: 'f', name: 'F', nodes: 'x' }],
    ['nodes that are an object', { format: F, id: 'f', name: 'F', nodes: { 0: {} } }],
    ['null and scalar nodes', { format: F, id: 'f', name: 'F', nodes: [null, 5, 'x', [], { id: 7 }] }],
    ['edges that are strings', { ...flow({}), edges: ['start->end', null, 3] }],
    ['edges that are an object', { ...flow({}), edges: { a: 1 } }],
    ['variables of every wrong kind', { ...flow({}), variables: { 'bad name': 3, ok: null } }],
    ['node ids and types like Object.prototype keys', flow({ nodes: [node('constructor', 'toString'), node('hasownproperty', '__proto__')], edges: [edge('start', 'constructor', '__proto__')] })],
    ['a deeply nested document', nested(20_000, (inner) => ({ a: inner }))],
    ['deeply nested nodes', { format: F, id: 'f', name: 'F', nodes: [nested(20_000, (inner) => [inner])] }],
    ['deeply nested node data', flow({ nodes: [node('hi', 'message', { text: nested(20_000, (inner) => ({ a: inner })) })] })],
    ['a deeply nested http body', flow({ nodes: [node('call', 'http', { url: 'https://x', body: nested(20_000, (inner) => ({ a: inner })) })] })],
    ['a cyclic http body', flow({ nodes: [node('call', 'http', { url: 'https://x', body: cyclic })] })],
    ['a huge template', flow({ nodes: [message('hi', '{{'.repeat(100_000))], edges: [edge('start', 'hi')] })],
    ['a getter that throws', { format: F, id: 'f', name: 'F', get nodes(): unknown { throw new Error('boom'); } }],
    ['a proxy that throws', new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } })],
  ];

  it.each(hostile)('returns diagnostics for %s and never throws', (_name, raw) => {
    let found: Diagnostic[] = [];
    expect(() => (found = validate(raw))).not.toThrow();
    expect(found.length).toBeGreaterThan(0);
    for (const item of found) {
      expect(Object.keys(DIAGNOSTIC_CODES)).toContain(item.code);
      expect(typeof item.path).toBe('string');
      expect(typeof item.message).toBe('string');
    }
  });

  it('checks a deeply nested or cyclic http body without giving up on the rest of the flow', () => {
    for (const body of [nested(20_000, (inner) => ({ a: inner })), cyclic]) {
      const doc = flow({ nodes: [node('call', 'http', { url: 'https://x/{{ vars.id', body }), end()], edges: [edge('start', 'call'), edge('call', 'end', 'ok'), edge('call', 'end', 'error')] });
      const found = validate(doc);
      expect(found.map((d) => d.message).join('\n')).not.toContain('validator failed');
      expectOne(found, 'invalid-template', { nodeId: 'call', path: 'nodes[1].data.url' });
    }
  });

  it('validates a 5,000-node chain quickly and finds nothing wrong', () => {
    const ids = Array.from({ length: 5_000 }, (_, index) => `n${index}`);
    const nodes = ids.map((id) => node(id, 'set', { assign: [{ variable: 'count', value: '{{ vars.count }}1' }] }));
    const doc = flow({ nodes: [...nodes, end()], edges: [edge('start', 'n0'), ...ids.map((id, index) => edge(id, ids[index + 1] ?? 'end'))] });
    const started = performance.now();
    expect(validate(doc)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('finds nothing wrong in a clean, realistic flow', () => {
    expect(validate(LOST_CARD)).toEqual([]);
  });
});

describe('coverage of the codes', () => {
  // Runs last (vitest keeps file order): every code must have come out of some test above.
  it('exercises every code in DIAGNOSTIC_CODES', () => {
    expect([...seen].sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });
});

/** A lost-card journey that uses most node types, every handle connected. */
const LOST_CARD = {
  format: 'switchboard/flow@1',
  id: 'lost-card',
  name: 'Lost or stolen card',
  locale: 'th-TH',
  variables: { last4: { type: 'string' }, csat: { type: 'number' } },
  nodes: [
    node('start', 'start', { channels: ['voice', 'sms', 'webchat'] }),
    node('office', 'hours', { timezone: 'Asia/Bangkok', weekly: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, open: '09:00', close: '18:00' })), holidays: ['2026-04-13'] }),
    message('closed', { 'th-TH': 'ขณะนี้อยู่นอกเวลาทำการ', 'en-US': { default: 'We are closed.', voice: 'Sorry, we are closed.' } }),
    node('menu', 'menu', {
      prompt: { 'th-TH': 'กด 1 หากบัตรหาย กด 2 เพื่อดูยอดเงิน', 'en-US': 'Press 1 for a lost card, 2 for your balance' },
      timeout: '10s',
      options: [
        { id: 'lost', label: 'Lost card', keys: ['1'], match: ['lost', 'stolen', 'บัตรหาย'] },
        { id: 'balance', label: 'Balance', keys: ['2'], match: ['balance', 'ยอดเงิน'] },
      ],
    }),
    node('ask-last4', 'collect', { prompt: 'The last 4 digits of your card?', variable: 'last4', kind: 'digits', minLength: 4, maxLength: 4 }),
    node('lookup', 'http', { method: 'GET', url: 'https://crm.example/cards/{{ vars.last4 }}?phone={{ contact.phone }}', timeout: '5s', save: [{ variable: 'tier', path: 'customer.tier' }] }),
    node('vip', 'condition', { cases: [{ id: 'gold', rules: [{ var: 'vars.tier', op: 'eq', value: 'gold' }] }, { id: 'big', expression: '$number(vars.last4) > 5000' }] }),
    node('block', 'set', { assign: [{ variable: 'blocked', value: true }, { variable: 'note', value: 'Card {{ vars.last4 }} blocked' }] }),
    message('confirm', '{{ vars.note }}. We will send a new card.'),
    node('to-chat', 'channel', { channel: 'webchat', via: 'sms', text: 'Continue in chat: {{ link }}', timeout: '1d' }),
    node('agent', 'handoff', { queue: 'cards', skills: ['thai'], priority: 5, summary: 'Lost card {{ vars.last4 }} ({{ vars.tier }})', waitText: 'Connecting you to an agent', timeout: '15m' }),
    message('balance', 'Your balance is on its way by SMS, {{ contact.name }}.'),
    node('csat', 'survey', { kind: 'csat', question: 'How satisfied are you, from 1 to 5?', variable: 'csat', delay: '1m' }),
    node('thanks', 'end', { outcome: 'resolved', text: 'Thank you! ({{ vars.csat }})' }),
    node('bye', 'end', { outcome: 'abandoned' }),
  ],
  edges: [
    edge('start', 'office'),
    edge('office', 'menu', 'open'),
    edge('office', 'closed', 'closed'),
    edge('closed', 'bye'),
    edge('menu', 'ask-last4', 'lost'),
    edge('menu', 'balance', 'balance'),
    edge('menu', 'agent', 'noMatch'),
    edge('menu', 'bye', 'noInput'),
    edge('ask-last4', 'lookup'),
    edge('ask-last4', 'agent', 'invalid'),
    edge('ask-last4', 'bye', 'noInput'),
    edge('lookup', 'vip', 'ok'),
    edge('lookup', 'agent', 'error'),
    edge('vip', 'agent', 'gold'),
    edge('vip', 'agent', 'big'),
    edge('vip', 'block', 'else'),
    edge('block', 'confirm'),
    edge('confirm', 'to-chat'),
    edge('to-chat', 'csat', 'continued'),
    edge('to-chat', 'bye', 'timeout'),
    edge('agent', 'csat', 'resolved'),
    edge('agent', 'bye', 'abandoned'),
    edge('agent', 'bye', 'timeout'),
    edge('balance', 'csat'),
    edge('csat', 'thanks', 'done'),
    edge('csat', 'bye', 'noResponse'),
  ],
};
