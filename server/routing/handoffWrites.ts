// The handoff records a batch of steps writes, collected like the runtime's other rows (see
// server/runtime/record.ts): each conversation's handoff effects are folded in memory into at
// most one update of its open record plus new records, then written as parts of the batch's
// one statement. A CTE does not see rows another part of the statement writes, so the update
// only touches records that existed before it, and records created in this batch carry their
// later changes (accepted, replied, closed) in their inserted values.
import { sql, type SQL } from 'drizzle-orm';
import type { Effect } from '@/flows';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import { handoffRecords, type Channel, type HandoffStatus } from '../db/schema';

type HandoffEffect = Extract<Effect, { type: 'handoff.queued' | 'handoff.transferred' | 'handoff.accepted' | 'handoff.closed' }>;

interface Change {
  status?: HandoffStatus;
  queue?: string;
  skills?: string[];
  waitingSince?: Date;
  /** Moved back to waiting: the agent is cleared (unless the same batch accepts it again). */
  requeued: boolean;
  agent?: string;
  assignedAt?: Date;
  firstResponseAt?: Date;
  closedAt?: Date;
  transfers: number;
}

interface NewRecord extends Change {
  conversationId: string;
  contactId: string;
  channel: Channel;
  queue: string;
  skills: string[];
  priority: number;
  summary: string | null;
  queuedAt: Date;
  wantsPosition: boolean;
}

interface ConversationChanges {
  /** Changes to the record open before this batch. */
  existing: Change | undefined;
  created: NewRecord[];
}

export interface HandoffStep {
  conversationId: string;
  contactId: string;
  channel: Channel;
  at: Date;
}

export class HandoffWrites {
  private readonly byConversation = new Map<string, ConversationChanges>();

  get size(): number {
    return this.byConversation.size;
  }

  /** A handoff effect of a step. */
  note(step: HandoffStep, effect: HandoffEffect & { wantsPosition?: boolean }): void {
    const changes = this.changesOf(step.conversationId);
    switch (effect.type) {
      case 'handoff.queued':
        changes.created.push({
          conversationId: step.conversationId,
          contactId: step.contactId,
          channel: step.channel,
          queue: effect.queue,
          skills: effect.skills,
          priority: effect.priority,
          summary: effect.summary ?? null,
          queuedAt: step.at,
          waitingSince: step.at,
          status: 'waiting',
          requeued: false,
          transfers: 0,
          wantsPosition: effect.wantsPosition ?? false,
        });
        return;
      case 'handoff.transferred':
        Object.assign(this.current(changes), { status: 'waiting', queue: effect.queue, skills: effect.skills, waitingSince: step.at, requeued: true, agent: undefined });
        this.current(changes).transfers += 1;
        return;
      case 'handoff.accepted': {
        const change = this.current(changes);
        change.status = 'assigned';
        change.assignedAt ??= step.at;
        if (effect.agent !== undefined) change.agent = effect.agent;
        return;
      }
      case 'handoff.closed': {
        const change = this.current(changes);
        change.status = closedStatus(effect.reason);
        change.closedAt = step.at;
        return;
      }
    }
  }

  /** An agent's message: the first one is the handoff's first response. */
  replied(conversationId: string, at: Date): void {
    const change = this.current(this.changesOf(conversationId));
    change.firstResponseAt ??= at;
  }

  /** The batch's statements (parts of one `with … ` statement). */
  statements(tx: Database): SQL[] {
    const updates: SQL[] = [];
    const inserts: PgInsertValue<typeof handoffRecords>[] = [];
    for (const [conversationId, changes] of this.byConversation) {
      if (changes.existing) updates.push(updateRow(conversationId, changes.existing));
      inserts.push(...changes.created.map(insertRow));
    }
    const statements: SQL[] = [];
    if (updates.length > 0) statements.push(updateStatement(updates), idleStatement(updates));
    if (inserts.length > 0) statements.push(tx.insert(handoffRecords).values(inserts).getSQL());
    return statements;
  }

  private changesOf(conversationId: string): ConversationChanges {
    let changes = this.byConversation.get(conversationId);
    if (!changes) {
      changes = { existing: undefined, created: [] };
      this.byConversation.set(conversationId, changes);
    }
    return changes;
  }

  /** The record the next change applies to: the last one created in this batch, else the open one. */
  private current(changes: ConversationChanges): Change {
    const last = changes.created[changes.created.length - 1];
    if (last) return last;
    changes.existing ??= { requeued: false, transfers: 0 };
    return changes.existing;
  }
}

function closedStatus(reason: string | undefined): HandoffStatus {
  return reason === 'resolved' || reason === 'abandoned' || reason === 'timeout' ? reason : 'closed';
}

const seconds = (from: Date | undefined, to: Date | undefined) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);
/** The agent only when it names a user: the REST API also accepts free names ("Dao"). */
const userOrNull = (agent: string | undefined) => (agent === undefined ? null : sql`(select u.id from users u where u.id = ${agent})`);

function insertRow(record: NewRecord): PgInsertValue<typeof handoffRecords> {
  return {
    conversationId: record.conversationId,
    contactId: record.contactId,
    channel: record.channel,
    queue: record.queue,
    skills: record.skills,
    priority: record.priority,
    summary: record.summary,
    status: record.status ?? 'waiting',
    agentId: userOrNull(record.agent),
    queuedAt: record.queuedAt,
    waitingSince: record.waitingSince ?? record.queuedAt,
    assignedAt: record.assignedAt ?? null,
    firstResponseAt: record.firstResponseAt ?? null,
    closedAt: record.closedAt ?? null,
    firstResponseSeconds: seconds(record.queuedAt, record.firstResponseAt),
    handleSeconds: record.closedAt ? seconds(record.assignedAt, record.closedAt) : null,
    transfers: record.transfers,
    wantsPosition: record.wantsPosition,
  };
}

const ts = (date: Date | undefined) => (date ? date.toISOString() : null);

function updateRow(conversationId: string, c: Change): SQL {
  return sql`(${conversationId}::uuid, ${c.status ?? null}::text, ${c.queue ?? null}::text, ${c.skills ? JSON.stringify(c.skills) : null}::jsonb,
    ${ts(c.waitingSince)}::timestamptz, ${c.requeued}::boolean, ${c.agent ?? null}::text, ${ts(c.assignedAt)}::timestamptz,
    ${ts(c.firstResponseAt)}::timestamptz, ${ts(c.closedAt)}::timestamptz, ${c.transfers}::int)`;
}

const COLUMNS = sql.raw('v(conversation_id, status, queue, skills, waiting_since, requeued, agent, assigned_at, first_response_at, closed_at, transfers)');

/** Set-once fields keep their first value. greatest() skips nulls (greatest(0, null) is 0), hence the explicit null cases. */
function updateStatement(rows: SQL[]): SQL {
  return sql`update ${handoffRecords} as h set
    status = coalesce(v.status, h.status),
    queue = coalesce(v.queue, h.queue),
    skills = coalesce(v.skills, h.skills),
    waiting_since = coalesce(v.waiting_since, h.waiting_since),
    agent_id = coalesce((select u.id from users u where u.id = v.agent), case when v.requeued then null else h.agent_id end),
    assigned_at = coalesce(h.assigned_at, v.assigned_at),
    first_response_at = coalesce(h.first_response_at, v.first_response_at),
    first_response_seconds = case when h.first_response_seconds is not null or v.first_response_at is null then h.first_response_seconds
      else greatest(0, round(extract(epoch from v.first_response_at - h.queued_at)))::int end,
    closed_at = coalesce(v.closed_at, h.closed_at),
    handle_seconds = case when v.closed_at is null then h.handle_seconds
      when coalesce(h.assigned_at, v.assigned_at) is null then null
      else greatest(0, round(extract(epoch from v.closed_at - coalesce(h.assigned_at, v.assigned_at))))::int end,
    transfers = h.transfers + v.transfers
  from (values ${sql.join(rows, sql`, `)}) as ${COLUMNS}
  where h.conversation_id = v.conversation_id and h.status in ('waiting', 'assigned')`;
}

/** An agent whose conversation closed is idle from then: capacity freed, and the longest-idle rule counts from it. */
function idleStatement(rows: SQL[]): SQL {
  return sql`update agent_profiles as a set idle_since = v.closed_at
  from (values ${sql.join(rows, sql`, `)}) as ${COLUMNS}, ${handoffRecords} h
  where v.closed_at is not null and h.conversation_id = v.conversation_id and h.status = 'assigned' and h.agent_id = a.user_id`;
}
