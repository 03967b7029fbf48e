import type { z } from 'zod';
import type { ActionRef, StateConfig, TransitionConfig } from '../compile/config';
import type { ActionImplementation, GuardImplementation, Interpreter } from '../compile/implementation';
import type { DiagnosticCode } from '../validate/diagnostics';

export type NodeCategory = 'flow' | 'messaging' | 'logic' | 'integration' | 'people';
export type UiLocale = 'en' | 'th';

export interface HandleSpec {
  id: string;
  /** A label taken from the node's props (an option's label); otherwise the catalog's. */
  label?: string;
  /** Whether the handle can fire with these props (e.g. `timeout` only when a timeout is set). */
  active: boolean;
}

/** A node type's user-visible texts in one language. */
export interface NodeTexts {
  label: string;
  help: string;
  /** Field labels and help by dotted field path (`options.keys`). */
  fields: Record<string, { label: string; help?: string }>;
  /** Labels of the fixed handles (`noMatch`, `timeout`, …). */
  handles?: Record<string, string>;
}

/** Node-specific checks report through this; generic checks (templates, durations…) are automatic. */
export interface CheckContext {
  nodeId: string;
  report(code: DiagnosticCode, params: Record<string, string | number>, keys: readonly (string | number)[]): void;
}

export interface CompileContext {
  /** Qualified id of the node: its id, or `subflow-node/child-node` inside subflows. */
  id: string;
  nodeId: string;
  flowId: string;
  /** Locale of the flow that declares the node; the fallback for localized texts. */
  locale: string;
  /** Variable frame: '' for the top-level flow, the subflow node's qualified id inside one. */
  frame: string;
  /** The declared type of a variable of this node's flow (`any` when undeclared). */
  variableType(name: string): string;
  /** A transition that leaves by `handle`: to the connected node, or to `unhandled`. */
  go(handle: string, actions?: ActionRef[]): TransitionConfig;
  /** How an `end` node finishes: a final state at the top level, a return inside a subflow. */
  finish(outcome: string): Pick<StateConfig, 'type' | 'always' | 'entry'>;
  /**
   * Compiles a child flow inline for a subflow node; `undefined` when it is not available.
   * The child's `end` nodes leave by `exits.done`, its unconnected handles by `exits.error`.
   */
  child(flowId: string, exits: { done: TransitionConfig; error: TransitionConfig }): ChildStates | undefined;
}

export interface ChildStates {
  flowId: string;
  locale: string;
  initial: string;
  states: Record<string, StateConfig>;
  /** Declared defaults of the child's variables (its frame starts from these). */
  defaults: Record<string, unknown>;
}

/** A node whose data has been parsed: every later step works on this, never on raw data. */
export interface BoundNode {
  readonly type: string;
  handles(): HandleSpec[];
  summary(locale: UiLocale): string;
  /** True when entering the node waits for the customer, an agent or the clock. */
  waits(): boolean;
  /** Variables this node writes beyond its `variable` fields. */
  writes(): string[];
  /** Flows this node calls (subflow). */
  calls(): string[];
  check(ctx: CheckContext): void;
  compile(ctx: CompileContext): StateConfig;
}

export interface NodeSpec<S extends z.ZodType> {
  type: string;
  category: NodeCategory;
  /** An icon name from the editor's icon set (lucide names). */
  icon: string;
  props: S;
  /** Data for a node freshly dropped from the palette. */
  defaults: z.input<S>;
  handles(data: z.output<S>): HandleSpec[];
  summary(data: z.output<S>, locale: UiLocale): string;
  waits: boolean | ((data: z.output<S>) => boolean);
  writes?(data: z.output<S>): string[];
  calls?(data: z.output<S>): string[];
  check?(data: z.output<S>, ctx: CheckContext): void;
  compile(data: z.output<S>, ctx: CompileContext): StateConfig;
  actions?: Record<string, ActionImplementation>;
  guards?: Record<string, GuardImplementation>;
  /** Readers of a customer's answer (reply → verdict), used by the shared `question` pattern. */
  interpreters?: Record<string, Interpreter>;
  texts: Record<UiLocale, NodeTexts>;
}

export type BindResult = { ok: true; node: BoundNode } | { ok: false; issues: z.core.$ZodIssue[] };

/** A node type as the rest of the system sees it (data erased; `bind` parses it). */
export interface NodeType {
  readonly type: string;
  readonly category: NodeCategory;
  readonly icon: string;
  readonly props: z.ZodType;
  readonly defaults: unknown;
  readonly texts: Record<UiLocale, NodeTexts>;
  readonly actions: Record<string, ActionImplementation>;
  readonly guards: Record<string, GuardImplementation>;
  readonly interpreters: Record<string, Interpreter>;
  bind(data: unknown): BindResult;
}

/**
 * Declares a node type once: its props schema (with editor metadata), handles, summary,
 * checks, compile rule and texts. The palette, property panel, validator, compiler and
 * simulator all read this one declaration.
 *
 * @example
 * export const messageNode = defineNode({ type: 'message', props: z.object({ text: Text }), … });
 */
export function defineNode<S extends z.ZodType>(spec: NodeSpec<S>): NodeType {
  return {
    type: spec.type,
    category: spec.category,
    icon: spec.icon,
    props: spec.props,
    defaults: spec.defaults,
    texts: spec.texts,
    actions: spec.actions ?? {},
    guards: spec.guards ?? {},
    interpreters: spec.interpreters ?? {},
    bind(raw) {
      const parsed = spec.props.safeParse(raw ?? {});
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      const data = parsed.data;
      const node: BoundNode = {
        type: spec.type,
        handles: () => spec.handles(data),
        summary: (locale) => spec.summary(data, locale),
        waits: () => (typeof spec.waits === 'function' ? spec.waits(data) : spec.waits),
        writes: () => spec.writes?.(data) ?? [],
        calls: () => spec.calls?.(data) ?? [],
        check: (ctx) => spec.check?.(data, ctx),
        compile: (ctx) => spec.compile(data, ctx),
      };
      return { ok: true, node };
    },
  };
}

/** Handles that always exist and can always fire. */
export function fixedHandles(...ids: string[]): HandleSpec[] {
  return ids.map((id) => ({ id, active: true }));
}
