import { describe, expect, it } from 'vitest';
import { SimulationError } from '../simulate/errors';
import { bindNode, buildFlow, propsOf, simulate } from './testkit';

const hello = [{ id: 'hello', type: 'message', data: { text: 'Hi on {{ channel }}' }, to: 'end:resolved' }];

describe('start node', () => {
  it('enters the first node at once', () => {
    expect(simulate(buildFlow(hello)).state().path).toEqual(['start', 'hello', 'end-resolved']);
  });

  it('may start on any channel when none are listed', () => {
    for (const channel of ['voice', 'sms', 'line', 'email', 'api'] as const) {
      expect(simulate(buildFlow(hello), { channel }).state().sent[0]?.text).toBe(`Hi on ${channel}`);
    }
  });

  it('starts only on its channels; the first is the default', () => {
    const flow = buildFlow(hello, { channels: ['voice', 'sms'] });
    expect(simulate(flow).state().channel).toBe('voice');
    expect(simulate(flow, { channel: 'sms' }).state().channel).toBe('sms');
    expect(() => simulate(flow, { channel: 'webchat' })).toThrow(SimulationError);
    expect(() => simulate(flow, { channel: 'webchat' })).toThrow(/voice, sms/);
  });

  it('binds: one next handle, inbound by default; summary in English and Thai', () => {
    const inbound = bindNode('start', {});
    expect(inbound.handles()).toEqual([{ id: 'next', active: true }]);
    expect(inbound.summary('en')).toBe('inbound · all channels');
    expect(inbound.summary('th')).toBe('ข้อความเข้า · ทุกช่องทาง');
    expect(propsOf('start', {})).toEqual({ trigger: 'inbound' });
    const api = bindNode('start', { trigger: 'api', channels: ['sms', 'line'] });
    expect(api.summary('en')).toBe('API · sms, line');
    expect(api.summary('th')).toBe('API · sms, line');
    expect(() => bindNode('start', { channels: ['fax'] })).toThrow();
  });
});
