import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NODE_TYPES, nodeType } from './catalog';
import { compileFlow } from '../compile/compile';
import { vocabulary } from '../compile/vocabulary';
import { simulatedServices } from '../engine/effects';
import { fieldMeta, unwrapAll } from '../schema/meta';
import type { ActionRef, GuardRef, StateConfig, Transitions } from '../compile/config';

// Widgets that are one editor of their own (the rule builder, the weekly-hours picker): the
// panel does not label their inner fields one by one.
const COMPOSITE_WIDGETS = new Set(['rules', 'weekly']);

/** Dotted field paths of a props schema (`options.keys`), as the texts name them. */
function fieldPaths(schema: z.core.$ZodType, prefix = ''): string[] {
  if (prefix !== '' && COMPOSITE_WIDGETS.has(fieldMeta(schema)?.widget ?? '')) return [];
  const inner = unwrapAll(schema);
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape).flatMap(([key, child]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [path, ...fieldPaths(child, path)];
    });
  }
  if (inner instanceof z.ZodArray) return fieldPaths(inner.element, prefix);
  return [];
}

function collectRefs(state: StateConfig, actions: Set<string>, guards: Set<string>): void {
  const addActions = (list: ActionRef[] | undefined) => list?.forEach((action) => actions.add(action.type));
  const addGuard = (guard: GuardRef | undefined) => guard && guards.add(guard.type);
  const addTransitions = (transitions: Transitions | undefined) =>
    [transitions ?? []].flat().forEach((t) => {
      addActions(t.actions);
      addGuard(t.guard);
    });
  addActions(state.entry);
  addActions(state.exit);
  addTransitions(state.always);
  Object.values(state.on ?? {}).forEach(addTransitions);
  Object.values(state.states ?? {}).forEach((child) => collectRefs(child, actions, guards));
}

describe('node catalog', () => {
  it('declares the 16 node types of DESIGN.md, and identify, exactly once', () => {
    const types = NODE_TYPES.map((t) => t.type);
    expect(types).toEqual([
      'start', 'message', 'menu', 'collect', 'intent', 'condition', 'set', 'http',
      'hours', 'split', 'wait', 'channel', 'identify', 'handoff', 'survey', 'subflow', 'end',
    ]);
    expect(new Set(types).size).toBe(types.length);
    expect(nodeType('menu')?.category).toBe('messaging');
    expect(nodeType('nope')).toBeUndefined();
  });

  it.each(NODE_TYPES.map((t) => [t.type, t] as const))('%s: palette defaults bind, and every field has English and Thai texts', (_name, type) => {
    // A subflow dropped from the palette has no flow yet: the designer must pick one.
    const bound = type.bind(type.type === 'subflow' ? { flow: 'child' } : type.defaults);
    expect(bound.ok, JSON.stringify(!bound.ok && bound.issues)).toBe(true);
    if (!bound.ok) return;
    expect(bound.node.summary('en')).toBeTypeOf('string');
    expect(bound.node.summary('th')).toBeTypeOf('string');
    for (const locale of ['en', 'th'] as const) {
      const texts = type.texts[locale];
      expect(texts.label.length).toBeGreaterThan(0);
      expect(texts.help.length).toBeGreaterThan(10);
      for (const path of fieldPaths(type.props)) {
        expect(texts.fields[path]?.label, `${type.type}.${path} has no ${locale} label`).toBeTruthy();
      }
      const fixed = bound.node.handles().filter((h) => h.label === undefined).map((h) => h.id);
      for (const handle of fixed) expect(texts.handles?.[handle], `${type.type} handle ${handle} (${locale})`).toBeTruthy();
    }
    expect(Object.keys(type.texts.th.fields).sort()).toEqual(Object.keys(type.texts.en.fields).sort());
  });

  it('gives every field a widget the editor can render', () => {
    for (const type of NODE_TYPES) {
      for (const path of fieldPaths(type.props)) {
        const schema = path.split('.').reduce<z.core.$ZodType | undefined>((current, key) => {
          let inner = current && unwrapAll(current);
          if (inner instanceof z.ZodArray) inner = unwrapAll(inner.element);
          return inner instanceof z.ZodObject ? inner.shape[key] : undefined;
        }, type.props);
        const inner = schema && unwrapAll(schema);
        const typed = inner instanceof z.ZodString || inner instanceof z.ZodNumber || inner instanceof z.ZodEnum || inner instanceof z.ZodBoolean;
        expect(schema && (fieldMeta(schema)?.widget || typed || inner instanceof z.ZodObject), `${type.type}.${path}`).toBeTruthy();
      }
    }
  });

  it('names only actions and guards that have implementations', () => {
    const nodes = NODE_TYPES.filter((t) => t.type !== 'start').map((type, index) => ({
      id: `n${index}`,
      type: type.type,
      data: type.type === 'subflow' ? { flow: 'child' } : type.defaults,
    }));
    const result = compileFlow({
      format: 'switchboard/flow@1',
      id: 'everything',
      name: 'Every node',
      nodes: [{ id: 'start', type: 'start', data: {} }, ...nodes],
      edges: [
        { source: 'start', target: 'n0' },
        ...nodes.slice(0, -1).map((node, i) => ({ source: node.id, sourceHandle: firstHandle(node.type, node.data), target: nodes[i + 1]!.id })),
      ],
    }, { flows: new Map([['child', { format: 'switchboard/flow@1', id: 'child', name: 'Child', nodes: [{ id: 'start', type: 'start' }, { id: 'end', type: 'end' }], edges: [{ source: 'start', target: 'end' }] }]]) });
    expect(result.ok, JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))).toBe(true);
    if (!result.ok) return;
    const actions = new Set<string>();
    const guards = new Set<string>();
    collectRefs(result.flow.config, actions, guards);
    const shared = vocabulary(simulatedServices);
    const knownActions = new Set([...Object.keys(shared.actions), ...NODE_TYPES.flatMap((t) => Object.keys(t.actions))]);
    const knownGuards = new Set([...Object.keys(shared.guards), ...NODE_TYPES.flatMap((t) => Object.keys(t.guards))]);
    expect([...actions].filter((name) => !knownActions.has(name))).toEqual([]);
    expect([...guards].filter((name) => !knownGuards.has(name))).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.flow.config))).toEqual(result.flow.config);
  });
});

function firstHandle(type: string, data: unknown): string {
  const bound = nodeType(type)!.bind(data);
  return bound.ok ? bound.node.handles().find((h) => h.active)?.id ?? 'next' : 'next';
}
