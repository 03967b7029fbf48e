// The small shop flow channel tests run: a menu (track an order or say goodbye) whose choices
// say something and end; silence or anything else ends it as abandoned. Each channel's test
// names its own flow, channel and texts.
import { FLOW_FORMAT } from '@/flows';
import type { Channel } from '../runtime/adapters';

export interface ShopFlowOptions {
  id: string;
  name: string;
  channel: Channel;
  prompt: string;
  trackLabel: string;
  goodbye: string;
  timeout: string;
}

export function shopFlowFor(options: ShopFlowOptions) {
  return {
    format: FLOW_FORMAT,
    id: options.id,
    name: options.name,
    nodes: [
      { id: 'start', type: 'start', data: { channels: [options.channel] } },
      {
        id: 'menu',
        type: 'menu',
        data: {
          prompt: options.prompt,
          timeout: options.timeout,
          options: [
            { id: 'track', label: options.trackLabel, match: ['track'] },
            { id: 'bye', label: 'Goodbye', match: ['bye'] },
          ],
        },
      },
      { id: 'tracked', type: 'message', data: { text: 'It ships tomorrow.' } },
      { id: 'done', type: 'end', data: { outcome: 'resolved', text: options.goodbye } },
      { id: 'lost', type: 'end', data: { outcome: 'abandoned' } },
    ],
    edges: [
      { source: 'start', target: 'menu' },
      { source: 'menu', sourceHandle: 'track', target: 'tracked' },
      { source: 'menu', sourceHandle: 'bye', target: 'done' },
      { source: 'menu', sourceHandle: 'noMatch', target: 'lost' },
      { source: 'menu', sourceHandle: 'noInput', target: 'lost' },
      { source: 'tracked', target: 'done' },
    ],
  };
}
