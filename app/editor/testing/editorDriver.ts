// What the editor's browser tests do with the mouse and the API, in one place.
import type { Page } from 'playwright-core';
import { FLOW_FORMAT } from '@/flows';

/** Calls a tRPC procedure as the signed-in page (its cookies), failing on an error answer. */
export async function callApi(page: Page, procedure: string, input: unknown): Promise<unknown> {
  const result = await page.evaluate(
    async ({ procedure, input }) => {
      const response = await fetch(`/api/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      return { ok: response.ok, body: await response.text() };
    },
    { procedure, input },
  );
  if (!result.ok) throw new Error(`${procedure} failed: ${result.body}`);
  return JSON.parse(result.body);
}

/** Drags a palette item onto the canvas, dropping it at a point of the page. */
export async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  const item = page.locator(`button[data-node-type="${type}"]`);
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  await item.dragTo(pane, { targetPosition: { x: at.x - box.x, y: at.y - box.y } });
}

/** Drags from a node's output handle to another node's input, as a person would. */
export async function connectHandles(page: Page, source: string, handle: string, target: string): Promise<void> {
  const from = await centre(page, `[data-testid="rf__node-${source}"] .react-flow__handle.source[data-handleid="${handle}"]`);
  const to = await centre(page, `[data-testid="rf__node-${target}"] .react-flow__handle.target`);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Clicks the middle of an edge's path (its bounding box's centre may be off the path). */
export async function clickEdge(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((edgeId) => {
    const path = document.querySelector(`[data-testid="rf__edge-${edgeId}"] path.react-flow__edge-interaction`);
    if (!(path instanceof SVGPathElement)) return null;
    const middle = path.getPointAtLength(path.getTotalLength() / 2);
    const matrix = path.getScreenCTM();
    if (!matrix) return null;
    return { x: middle.x * matrix.a + middle.y * matrix.c + matrix.e, y: middle.x * matrix.b + middle.y * matrix.d + matrix.f };
  }, id);
  if (!point) throw new Error(`edge ${id} is not on screen`);
  await page.mouse.click(point.x, point.y);
}

export async function nodeBox(page: Page, id: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId(`rf__node-${id}`).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  return box;
}

async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A valid flow of `count` nodes in a grid: start, then a chain of messages and menus, then end. */
export function bigFlow(id: string, count: number) {
  const nodes = Array.from({ length: count }, (_, i) => {
    const position = { x: (i % 40) * 300, y: Math.floor(i / 40) * 180 };
    if (i === 0) return { id: 'start', type: 'start', position, data: {} };
    if (i === count - 1) return { id: 'end', type: 'end', position, data: { outcome: 'resolved' } };
    return i % 5 === 0
      ? { id: `menu-${i}`, type: 'menu', position, data: { prompt: `Menu ${i}`, options: [{ id: 'a', label: 'Next', keys: ['1'] }] } }
      : { id: `message-${i}`, type: 'message', position, data: { text: `Message number ${i}` } };
  });
  const edges = nodes.slice(1).map((target, i) => {
    const source = nodes[i]!;
    return { source: source.id, sourceHandle: source.type === 'menu' ? 'a' : 'next', target: target.id };
  });
  return { format: FLOW_FORMAT, id, name: `Big flow (${count} nodes)`, nodes, edges };
}
