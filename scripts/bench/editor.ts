/**
 * `npx tsx scripts/bench/editor.ts`: the editor in Chromium on the production build (issue 5,
 * part 10). For generated flows of 100, 500 and 1,000 nodes: the time from navigating to
 * `/flows/<id>` until the editor root says `data-editor-ready="true"` and nodes are visible,
 * and the frame rate while the canvas is panned by a scripted drag and wheel for ~2 s.
 * Targets: 1,000 nodes open in under 1.5 s; at least 50 fps panning at 500 nodes. Figures,
 * not a pass/fail test: shared machines are noisy.
 */
import type { Page } from 'playwright-core';
import { createOwner } from '../../app/testing/accounts';
import { launchChromium } from '../../app/testing/chromium';
import { ensureBuild, startNextServer } from '../../app/testing/nextServer';
import { generateFlow } from './generateFlow';

const SIZES = [100, 500, 1_000];
const RUNS = 3;
const PAN_MS = 2_000;
const TARGET_OPEN_MS = 1_500; // at 1,000 nodes
const TARGET_FPS = 50; // at 500 nodes
const OWNER = { name: 'Bench Owner', email: 'bench@example.com', password: 'benchmark password' };

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

async function main(): Promise<void> {
  console.log(`Switchboard editor benchmark · ${new Date().toISOString()}`);
  await ensureBuild();
  const server = await startNextServer();
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(60_000);
    await createOwner(page, server.url, OWNER);
    console.log('  nodes   open (median of 3)   first nodes   fps panning (median)');
    for (const size of SIZES) {
      const id = await importGenerated(page, size);
      const opens: { ready: number; visible: number }[] = [];
      const fps: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        opens.push(await timeOpen(page, `${server.url}/flows/${id}`));
        fps.push(await panFps(page));
      }
      const ready = median(opens.map((o) => o.ready));
      const visible = median(opens.map((o) => o.visible));
      const rate = median(fps);
      const verdict =
        size === 1_000 ? `   target open < ${TARGET_OPEN_MS} ms: ${ready < TARGET_OPEN_MS ? 'met' : 'missed'}` : size === 500 ? `   target ≥ ${TARGET_FPS} fps: ${rate >= TARGET_FPS ? 'met' : 'missed'}` : '';
      console.log(`  ${String(size).padStart(5)}   ${ms(ready).padStart(18)}   ${ms(visible).padStart(11)}   ${rate.toFixed(0).padStart(20)}${verdict}`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Stores a generated flow through the API (`flows.import`, as the flows list does) and returns its id. */
async function importGenerated(page: Page, size: number): Promise<string> {
  const document = generateFlow(size);
  const answer = await page.evaluate(async (body) => {
    const response = await fetch('/api/trpc/flows.import', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { ok: response.ok, text: await response.text() };
  }, JSON.stringify({ document, allowErrors: true }));
  if (!answer.ok) throw new Error(`importing the ${size}-node flow failed: ${answer.text.slice(0, 500)}`);
  return String(document.id);
}

/** From navigation to the editor root being ready, and to the first node being visible. */
async function timeOpen(page: Page, url: string): Promise<{ ready: number; visible: number }> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const readyAndVisible = Promise.all([
    page.locator('[data-editor-ready="true"]').waitFor().then(() => Date.now() - started),
    page.locator('.react-flow__node').first().waitFor({ state: 'visible' }).then(() => Date.now() - started),
  ]);
  try {
    const [ready, visible] = await readyAndVisible;
    return { ready, visible };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`the editor at ${url} never showed [data-editor-ready="true"] and a .react-flow__node (${reason})`);
  }
}

/** Frames counted with requestAnimationFrame while the pane is dragged, then wheel-scrolled. */
async function panFps(page: Page): Promise<number> {
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('the canvas pane is not visible');
  // A string, not a function: tsx names functions with a helper the page does not have.
  await page.evaluate(`(() => {
    const counter = { frames: 0, running: true };
    window.__benchFrames = counter;
    const tick = () => {
      counter.frames += 1;
      if (counter.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Half the time dragging the pane in a circle, half wheel-panning.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let step = 0; Date.now() - started < PAN_MS / 2; step++) {
    const angle = step / 10;
    await page.mouse.move(cx + Math.cos(angle) * 200, cy + Math.sin(angle) * 150, { steps: 2 });
  }
  await page.mouse.up();
  for (let step = 0; Date.now() - started < PAN_MS; step++) await page.mouse.wheel(step % 20 < 10 ? 40 : -40, 60);
  const frames = await page.evaluate(() => {
    const counter: unknown = Reflect.get(window, '__benchFrames');
    if (typeof counter !== 'object' || counter === null || !('frames' in counter) || typeof counter.frames !== 'number') return 0;
    Reflect.set(counter, 'running', false);
    return counter.frames;
  });
  return frames / ((Date.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
