// Small documents for the editor state's unit tests.
import { FLOW_FORMAT, type FlowDocument } from '@/flows';

/** start → menu (lost → end, balance unconnected). */
export function sampleFlow(): FlowDocument {
  return {
    format: FLOW_FORMAT,
    id: 'sample',
    name: 'Sample',
    locale: 'en-US',
    variables: {},
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'menu',
        type: 'menu',
        position: { x: 300, y: 0 },
        data: { prompt: 'Press 1', options: [{ id: 'lost', label: 'Lost', keys: ['1'] }, { id: 'balance', label: 'Balance', keys: ['2'] }] },
      },
      { id: 'end', type: 'end', position: { x: 600, y: 0 }, data: { outcome: 'resolved' } },
    ],
    edges: [
      { id: 'start-next-menu', source: 'start', sourceHandle: 'next', target: 'menu' },
      { id: 'menu-lost-end', source: 'menu', sourceHandle: 'lost', target: 'end' },
    ],
  };
}
