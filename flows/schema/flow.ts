import { z } from 'zod';
import { Slug } from './common';

export const FLOW_FORMAT = 'switchboard/flow@1';

/** Types the runtime acts on (a rendered "42" is stored as 42 in a `number`); others are labels. */
export const VARIABLE_TYPES = ['string', 'number', 'boolean', 'object', 'array', 'any'] as const;

export const VariableDeclaration = z.object({
  // Other names ("integer", "date", "list") are accepted as descriptive: a document written
  // from the format alone must not be refused for a type name this version does not act on.
  type: z.string().min(1).default('any').meta({ widget: 'select' }),
  default: z.unknown().optional(),
  description: z.string().optional(),
});
export type VariableDeclaration = z.infer<typeof VariableDeclaration>;

export const Position = z.object({ x: z.number(), y: z.number() });

/**
 * A node as stored: React Flow's shape. `data` is checked against the node type's own props
 * schema by the validator, so here it is any object.
 */
export const FlowNode = z.object({
  id: Slug,
  type: z.string().min(1),
  position: Position.default({ x: 0, y: 0 }),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type FlowNode = z.infer<typeof FlowNode>;

export const FlowEdge = z
  .object({
    id: z.string().min(1).optional(),
    source: z.string().min(1),
    // React Flow writes `null` for "no handle"; both mean the default handle `next`.
    sourceHandle: z.string().min(1).nullish(),
    target: z.string().min(1),
    targetHandle: z.string().nullish(),
    label: z.string().optional(),
  })
  .transform((edge) => ({
    ...edge,
    id: edge.id ?? `${edge.source}-${edge.sourceHandle ?? 'next'}-${edge.target}`,
    sourceHandle: edge.sourceHandle ?? 'next',
  }));
export type FlowEdge = z.infer<typeof FlowEdge>;

export const FlowDocumentV1 = z.object({
  format: z.literal(FLOW_FORMAT),
  id: Slug,
  name: z.string().min(1),
  description: z.string().optional(),
  locale: z.string().min(2).default('en-US'),
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), VariableDeclaration).default({}),
  nodes: z.array(FlowNode),
  edges: z.array(FlowEdge).default([]),
});

/**
 * Every format we can read, discriminated by `format`. Older formats are upgraded to the
 * current one by `upgradeFlow` before this schema sees them.
 */
export const FlowDocument = z.discriminatedUnion('format', [FlowDocumentV1]);
export type FlowDocument = z.infer<typeof FlowDocument>;
export type FlowDocumentInput = z.input<typeof FlowDocument>;
