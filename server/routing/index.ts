// Routing's public face: what the agent desktop (desk.* tRPC, the SSE stream) and the admin
// page call. Routing owns every change to routing state; readers use the lists and figures.
export type { Presence, Channel, WaitingItem, AssignedItem, QueueFigure, AgentState } from './types';
export { visibleQueues, canReadTranscripts, assertCanSeeConversation, type RoutingUser, type QueueVisibility } from './access';
export { agentState, listAgents, updateAgent, DEFAULT_CAPACITY } from './agents';
export { setPresence, claimConversation, transferConversation, resolveConversation } from './actions';
export { waitingConversations, assignedConversations, queueFigures, type WaitingFilter } from './lists';
export { listQueues, upsertQueue, deleteQueue } from './queues';
export { RoutingEngine } from './engine';
export { assign, type WaitingConversation, type RoutableAgent, type Assignment } from './assign';
