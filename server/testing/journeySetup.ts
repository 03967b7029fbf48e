// What replaying an example journey against the real runtime needs besides the HTTP calls:
// the examples and why some cannot be replayed, the journey's contact as the runtime will know
// it, and the variables an API trigger would have passed.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { Contact, Journey, type FlowDocument } from '@/flows';
import { percentBucket } from '@/flows/lang/hash';
import { contactKey } from '@/flows/nodes/split';
import type { Database } from '../db/client';
import { contactIdentities, contacts, IDENTITY_CHANNELS } from '../db/schema';
import { findFiles, loadJson } from '../files';
import { readFlowDocument } from '../flows/document';
import { getFlow, saveDraft } from '../flows/flowStore';
import { publishDraft, rollbackTo } from '../flows/publishing';
import { originOf } from './mockHttp';

export interface ExampleJourney {
  /** The file name without `.journey.json`, e.g. `order-status.shipped-happy-path`. */
  name: string;
  journey: Journey;
}

export interface Examples {
  flows: Map<string, FlowDocument>;
  journeys: ExampleJourney[];
}

export function loadExamples(dir: string): Examples {
  const read = (file: string) => {
    const loaded = loadJson(file);
    if (!loaded.ok) throw new Error(`${file}: ${loaded.error}`);
    return loaded.json;
  };
  const flows = new Map(findFiles([dir], '.flow.json').map((file) => readFlowDocument(read(file))).map((doc) => [doc.id, doc]));
  const journeys = findFiles([dir], '.journey.json').map((file) => ({ name: path.basename(file, '.journey.json'), journey: Journey.parse(read(file)) }));
  return { flows, journeys };
}

/** Every origin the flows' http nodes and the journeys' mocks call. */
export function calledOrigins(examples: Examples): string[] {
  const urls = [
    ...[...examples.flows.values()].flatMap((flow) => flow.nodes.filter((node) => node.type === 'http').flatMap((node) => textsOf(node.data.url))),
    ...examples.journeys.flatMap(({ journey }) => (journey.mocks?.http ?? []).map((mock) => mock.url)),
  ];
  return [...new Set(urls.flatMap((url) => originOf(url) ?? []))];
}

/** A Text field's strings: the text itself, or each variant of a by-locale/by-channel map. */
function textsOf(text: unknown): string[] {
  if (typeof text === 'string') return [text];
  if (typeof text === 'object' && text !== null) return Object.values(text).flatMap(textsOf);
  return [];
}

/**
 * The journey's contact (name, phone, email, locale, attributes: more than an event's `contact`
 * carries) as a known contact with the address on every channel, so an event from it on any
 * channel reaches its journey. Its id keeps the simulator's A/B branches: the simulator buckets
 * a contact without an id by phone, email or LINE id; the runtime by the contact's id.
 */
export async function createJourneyContact(db: Database, journey: Journey, flow: FlowDocument, address: string): Promise<string> {
  const contact = Contact.parse(journey.contact ?? {});
  const id = sameBranchesId(contactKey(contact, 'simulation'), flow);
  await db.transaction(async (tx) => {
    await tx.insert(contacts).values({
      id,
      name: contact.name ?? null,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      locale: contact.locale ?? null,
      attributes: contact.attributes,
    });
    // Every channel's sender is this address (voice and SMS share the `phone` identity).
    await tx.insert(contactIdentities).values(IDENTITY_CHANNELS.map((channel) => ({ contactId: id, channel, address })));
  });
  return id;
}

const SplitData = z.object({ branches: z.array(z.object({ id: z.string(), percent: z.number() })) });

/** A contact id that takes the same branch as `simulatedKey` at every split of the flow (not of its subflows). */
function sameBranchesId(simulatedKey: string, flow: FlowDocument): string {
  const splits = flow.nodes
    .filter((node) => node.type === 'split')
    .map((node) => ({ key: `${flow.id}:${node.id}`, branches: SplitData.parse(node.data).branches }));
  const branch = (contact: string, split: (typeof splits)[number]) => branchOf(percentBucket(`${contact}|${split.key}`), split.branches);
  for (let tries = 0; tries < 10_000; tries++) {
    const id = randomUUID();
    if (splits.every((split) => branch(id, split) === branch(simulatedKey, split))) return id;
  }
  throw new Error(`no contact id takes the simulator's branches in ${flow.id}`);
}

/** The branch a bucket 0–99 falls in, as the split node compiles its ranges. */
function branchOf(bucket: number, branches: { id: string; percent: number }[]): string | undefined {
  let from = 0;
  for (const branch of branches) {
    if (bucket >= from && bucket < from + branch.percent) return branch.id;
    from += branch.percent;
  }
  return branches.at(-1)?.id;
}

/**
 * The runtime starts a conversation from an inbound event only, so there is no way to pass a
 * journey's `vars` (what an API trigger would pass). A version of the flow whose declared
 * defaults are those values starts with the same variables (`{ ...defaults, ...vars }`); the
 * returned function publishes the flow's previous content again.
 */
export async function publishWithVars(db: Database, flow: FlowDocument, vars: Record<string, unknown>): Promise<() => Promise<void>> {
  const variables = { ...flow.variables };
  for (const [name, value] of Object.entries(vars)) variables[name] = { ...(variables[name] ?? { type: 'any' }), default: value };
  const current = await getFlow(db, flow.id);
  await saveDraft(db, { id: flow.id, revision: current.draft.revision, content: { ...flow, variables } }, null);
  await publishDraft(db, { id: flow.id, note: 'journey variables' }, null);
  return async () => void (await rollbackTo(db, { id: flow.id, number: current.flow.latestVersion }, null));
}
