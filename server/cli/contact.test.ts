import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeContacts } from '../contacts/merge';
import { contactIdentities, contactMerges, contacts } from '../db/schema';
import { withServices } from './database';
import { main } from './main';
import type { Output } from './output';

function capture(): Output & { text(): string } {
  const lines: string[] = [];
  return { out: (line = '') => lines.push(line), err: (line = '') => lines.push(line), text: () => lines.join('\n') };
}

describe('switchboard contact (embedded database)', () => {
  const saved = { dir: process.env.PGLITE_DATA_DIR, url: process.env.DATABASE_URL };
  beforeAll(() => {
    process.env.PGLITE_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sb-cli-contact-'));
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    for (const [key, value] of [['PGLITE_DATA_DIR', saved.dir], ['DATABASE_URL', saved.url]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('lists merges and undoes one by id', async () => {
    const { mergeId, merged } = await withServices({}, async ({ db }) => {
      const [survivor, other] = await db.insert(contacts).values([{ name: 'Ana' }, { email: 'ana@example.com' }]).returning();
      if (!survivor || !other) throw new Error('no contacts');
      await db.insert(contactIdentities).values({ contactId: other.id, channel: 'email', address: 'ana@example.com' });
      const id = await db.transaction((tx) =>
        mergeContacts(tx, { survivorId: survivor.id, mergedId: other.id, reason: 'identify', identity: { channel: 'email', address: 'ana@example.com' }, now: new Date() }),
      );
      return { mergeId: id, merged: other.id };
    });

    const listed = capture();
    expect(await main(['contact', 'merges'], listed)).toBe(0);
    expect(listed.text()).toMatch(new RegExp(`^${mergeId}\\t\\S+\\tidentify\\temail:ana@example.com\\t${merged} → \\S+\\t1 identities, 0 conversations, 0 messages\\n1 merge$`));

    const undone = capture();
    expect(await main(['contact', 'unmerge', mergeId], undone)).toBe(0);
    expect(undone.text()).toContain(`Undid merge ${mergeId}`);
    const state = await withServices({}, async ({ db }) => ({
      identity: await db.select().from(contactIdentities).where(eq(contactIdentities.address, 'ana@example.com')),
      merge: await db.select().from(contactMerges).where(eq(contactMerges.id, mergeId)),
    }));
    expect(state.identity).toMatchObject([{ contactId: merged }]);
    expect(state.merge[0]?.undoneAt).toBeInstanceOf(Date);

    const again = capture();
    expect(await main(['contact', 'unmerge', mergeId], again)).toBe(1);
    expect(again.text()).toContain('already undone');
    const bad = capture();
    expect(await main(['contact', 'unmerge', 'nope'], bad)).toBe(1);
    expect(bad.text()).toContain('"nope" is not a merge id');
  });
});
