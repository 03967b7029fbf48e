import { analyzeFlow, type FlowModel } from './analyze';

/** Other flows a flow may call as subflows, by id (raw documents, as loaded). */
export type FlowLibrary = ReadonlyMap<string, unknown>;

/**
 * Builds a library from a list of raw flow documents (files, database rows).
 *
 * @example validateFlow(doc, { flows: flowLibrary([doc, child]) })
 */
export function flowLibrary(docs: Iterable<unknown>): FlowLibrary {
  const library = new Map<string, unknown>();
  for (const doc of docs) {
    if (typeof doc === 'object' && doc !== null && 'id' in doc && typeof doc.id === 'string') library.set(doc.id, doc);
  }
  return library;
}

const models = new WeakMap<object, FlowModel | null>();

/** The model of a library flow, analyzed once per document object. */
export function libraryModel(library: FlowLibrary | undefined, id: string): FlowModel | undefined {
  const raw = library?.get(id);
  if (typeof raw !== 'object' || raw === null) return undefined;
  if (!models.has(raw)) models.set(raw, analyzeFlow(raw).model ?? null);
  return models.get(raw) ?? undefined;
}

/** Flow ids a model calls through subflow nodes. */
export function calledFlows(model: FlowModel): { nodeId: string; index: number; flow: string }[] {
  return model.nodeList.flatMap((entry) =>
    entry.bound.calls().map((flow) => ({ nodeId: entry.node.id, index: entry.index, flow })),
  );
}

/**
 * The first call chain from `flow` that comes back to a flow already on it, e.g.
 * `['a', 'b', 'a']`; `undefined` when the calls never loop.
 */
export function subflowCycle(flow: string, library: FlowLibrary | undefined, chain: readonly string[]): string[] | undefined {
  if (chain.includes(flow)) return [...chain, flow];
  const model = libraryModel(library, flow);
  if (!model) return undefined;
  for (const call of calledFlows(model)) {
    const cycle = subflowCycle(call.flow, library, [...chain, flow]);
    if (cycle) return cycle;
  }
  return undefined;
}

/** True when some node of the flow (or of a flow it calls) waits for the customer, an agent or the clock. */
export function flowWaits(model: FlowModel, library: FlowLibrary | undefined, seen = new Set<string>()): boolean {
  if (seen.has(model.doc.id)) return false;
  seen.add(model.doc.id);
  return model.nodeList.some((entry) => nodeWaits(entry.bound, library, seen));
}

export function nodeWaits(
  bound: { waits(): boolean; calls(): string[] },
  library: FlowLibrary | undefined,
  seen = new Set<string>(),
): boolean {
  if (bound.waits()) return true;
  return bound.calls().some((id) => {
    const child = libraryModel(library, id);
    return child !== undefined && flowWaits(child, library, new Set(seen));
  });
}
