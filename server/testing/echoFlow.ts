// A flow that echoes every customer message, forever: one event is one step (collect answers →
// message → collect waits again) and one outbound message, so order and duplicates show in the
// transcript. Used by the worker tests and the runtime benchmark.
import { FLOW_FORMAT } from '@/flows';

/**
 * start → listen (collect, no prompt, so waiting sends nothing) → echo (message) → listen.
 * The opening message starts the journey and is not echoed. The no-input timeout is an hour, so
 * no timer fires during a run, but every step still cancels one timer and sets the next, as a
 * real question does.
 */
export function echoFlow(id: string, name: string, text = '{{ vars.said }}') {
  return {
    format: FLOW_FORMAT,
    id,
    name,
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'listen', type: 'collect', data: { prompt: '', variable: 'said', kind: 'text', timeout: '1h', maxRetries: 0 } },
      { id: 'echo', type: 'message', data: { text } },
      { id: 'done', type: 'end', data: { outcome: 'abandoned' } },
    ],
    edges: [
      { source: 'start', target: 'listen' },
      { source: 'listen', sourceHandle: 'next', target: 'echo' },
      { source: 'echo', target: 'listen' },
      { source: 'listen', sourceHandle: 'invalid', target: 'done' },
      { source: 'listen', sourceHandle: 'noInput', target: 'done' },
    ],
  };
}
