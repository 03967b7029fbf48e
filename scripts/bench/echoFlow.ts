// The flow the runtime benchmark drives: every customer message is echoed back, forever. One
// event is one step (collect answers → message → collect waits again) and one outbound message,
// so events applied and messages sent count the same thing.
import { validateFlow } from '@/flows';
import { echoFlow as echoFlowDocument } from '../../server/testing/echoFlow';
import type { Database } from '../../server/db/client';
import { createFlow, saveDraft } from '../../server/flows/flowStore';
import { publishDraft } from '../../server/flows/publishing';
import { setBinding } from '../../server/runtime/bindings';

export const ECHO_FLOW_ID = 'bench-echo';

/** Publishes the echo flow and binds the `api` channel to it. */
export async function publishEchoFlow(db: Database): Promise<void> {
  const doc = echoFlow();
  const errors = validateFlow(doc).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the echo flow does not validate: ${JSON.stringify(errors.slice(0, 3))}`);
  await createFlow(db, { id: ECHO_FLOW_ID, name: 'Bench echo' }, null);
  await saveDraft(db, { id: ECHO_FLOW_ID, revision: 1, content: doc }, null);
  await publishDraft(db, { id: ECHO_FLOW_ID }, null);
  await setBinding(db, { channel: 'api', flowId: ECHO_FLOW_ID });
}

export function echoFlow() {
  return echoFlowDocument(ECHO_FLOW_ID, 'Bench echo');
}
