/**
 * Generates a large, valid flow for benchmarks: blocks of message → menu → condition / collect
 * → set, chained, every handle connected. About 5 nodes per block.
 */
export function generateFlow(targetNodes: number): Record<string, unknown> {
  const blocks = Math.max(1, Math.floor((targetNodes - 3) / 5));
  const nodes: Record<string, unknown>[] = [
    { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: { channels: ['webchat', 'voice'] } },
    { id: 'fallback', type: 'end', position: { x: 600, y: 0 }, data: { text: 'Sorry, let us try again later', outcome: 'abandoned' } },
    { id: 'done', type: 'end', position: { x: 0, y: blocks * 700 + 140 }, data: { text: 'All done, {{ contact.name }}', outcome: 'resolved' } },
  ];
  const edges: Record<string, unknown>[] = [{ id: 'e-start', source: 'start', target: 'b0-msg' }];
  const link = (source: string, handle: string, target: string) => edges.push({ id: `e-${source}-${handle}`, source, sourceHandle: handle, target });
  for (let i = 0; i < blocks; i++) {
    const y = i * 700 + 140;
    const next = i + 1 < blocks ? `b${i + 1}-msg` : 'done';
    nodes.push(
      { id: `b${i}-msg`, type: 'message', position: { x: 0, y }, data: { text: { 'en-US': `Step ${i}: you have {{ vars.count }} points`, 'th-TH': `ขั้นที่ ${i}: คุณมี {{ vars.count }} คะแนน` } } },
      {
        id: `b${i}-menu`,
        type: 'menu',
        position: { x: 0, y: y + 140 },
        data: {
          prompt: 'Press 1 to continue or 2 to enter a number',
          options: [
            { id: 'go', label: 'Continue', keys: ['1'], match: ['continue', 'ต่อไป'] },
            { id: 'number', label: 'Enter a number', keys: ['2'], match: ['number', 'ตัวเลข'] },
          ],
          noMatchText: 'Sorry, I did not get that',
        },
      },
      { id: `b${i}-check`, type: 'condition', position: { x: -300, y: y + 280 }, data: { cases: [{ id: 'many', rules: [{ var: 'vars.count', op: 'gte', value: 10 }] }] } },
      { id: `b${i}-ask`, type: 'collect', position: { x: 300, y: y + 280 }, data: { prompt: 'Which number?', variable: 'count', kind: 'number', maxRetries: 1 } },
      { id: `b${i}-add`, type: 'set', position: { x: 0, y: y + 420 }, data: { assign: [{ variable: 'count', expression: 'vars.count + 1' }] } },
    );
    link(`b${i}-msg`, 'next', `b${i}-menu`);
    link(`b${i}-menu`, 'go', `b${i}-check`);
    link(`b${i}-menu`, 'number', `b${i}-ask`);
    link(`b${i}-menu`, 'noMatch', 'fallback');
    link(`b${i}-menu`, 'noInput', 'fallback');
    link(`b${i}-check`, 'many', `b${i}-add`);
    link(`b${i}-check`, 'else', `b${i}-add`);
    link(`b${i}-ask`, 'next', `b${i}-add`);
    link(`b${i}-ask`, 'invalid', `b${i}-add`);
    link(`b${i}-ask`, 'noInput', `b${i}-add`);
    link(`b${i}-add`, 'next', next);
  }
  return {
    format: 'switchboard/flow@1',
    id: `generated-${targetNodes}`,
    name: `Generated ${targetNodes}-node flow`,
    locale: 'en-US',
    variables: { count: { type: 'number', default: 0 } },
    nodes,
    edges,
  };
}
