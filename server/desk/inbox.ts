// The desktop's left column: conversations waiting in the agent's queues and those assigned to
// them, with the agent's presence and load; and where a conversation can be transferred to.
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { agentState, assignedConversations, queueFigures, visibleQueues, waitingConversations } from '../routing';
import type { DeskUser } from './access';

export async function deskInbox(db: Database, user: DeskUser) {
  const visible = await visibleQueues(db, user);
  const [waiting, assigned, state] = await Promise.all([
    waitingConversations(db, { queues: visible.all ? 'all' : visible.queues }),
    assignedConversations(db, user.id),
    agentState(db, user.id),
  ]);
  return { waiting, assigned, agent: state };
}

/** Queues (with their figures) and the agents and admins with their presence. */
export async function transferTargets(db: Database) {
  const [queues, people] = await Promise.all([queueFigures(db), db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(inArray(users.role, ['agent', 'admin']))]);
  const agents = await Promise.all(people.map(async (person) => ({ id: person.id, name: person.name, presence: (await agentState(db, person.id)).presence })));
  return { queues, agents: agents.sort((a, b) => a.name.localeCompare(b.name)) };
}
