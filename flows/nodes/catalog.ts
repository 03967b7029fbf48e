import type { NodeCategory, NodeType } from './define';
import { channelNode } from './channel';
import { collectNode } from './collect';
import { conditionNode } from './condition';
import { endNode } from './end';
import { handoffNode } from './handoff';
import { hoursNode } from './hours';
import { identifyNode } from './identify';
import { httpNode } from './http';
import { intentNode } from './intent';
import { menuNode } from './menu';
import { messageNode } from './message';
import { setNode } from './set';
import { splitNode } from './split';
import { startNode } from './start';
import { subflowNode } from './subflow';
import { surveyNode } from './survey';
import { waitNode } from './wait';

/** Every node type of `switchboard/flow@1`, in palette order. */
export const NODE_TYPES: readonly NodeType[] = [
  startNode,
  messageNode,
  menuNode,
  collectNode,
  intentNode,
  conditionNode,
  setNode,
  httpNode,
  hoursNode,
  splitNode,
  waitNode,
  channelNode,
  identifyNode,
  handoffNode,
  surveyNode,
  subflowNode,
  endNode,
];

export const NODE_CATEGORIES: readonly NodeCategory[] = ['flow', 'messaging', 'logic', 'integration', 'people'];

const byType = new Map(NODE_TYPES.map((nodeType) => [nodeType.type, nodeType]));

/** The node type declared under this name, if any. */
export function nodeType(type: string): NodeType | undefined {
  return byType.get(type);
}
