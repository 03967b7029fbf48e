// The API driven from outside, over HTTP with a real tRPC client and real sessions. One
// contract, run against PGlite (api.pglite.test.ts) and PostgreSQL (api.pg.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLOW_FORMAT } from '@/flows';
import type { Role } from '../db/schema';
import { verifyApiKey } from '../auth/apiKeys';
import { apiClient, signIn, type ApiClient } from '../testing/apiClient';
import { clientAs, startApi, TEST_PASSWORD, type ApiHarness } from '../testing/apiHarness';
import type { DatabaseKind } from '../testing/database';
import { expectTrpcError } from '../testing/expectError';

/** A small valid flow: start → message → end. */
function greeting(id: string, text = 'Hello!') {
  return {
    format: FLOW_FORMAT,
    id,
    name: `Greeting ${id}`,
    nodes: [
      { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
      { id: 'hello', type: 'message', position: { x: 0, y: 100 }, data: { text } },
      { id: 'done', type: 'end', position: { x: 0, y: 200 }, data: { outcome: 'resolved' } },
    ],
    edges: [
      { source: 'start', target: 'hello' },
      { source: 'hello', target: 'done' },
    ],
  };
}

export function describeApiContract(kind: DatabaseKind): void {
  describe(`API over HTTP (${kind})`, () => {
    let api: ApiHarness;
    const as: Partial<Record<Role, ApiClient>> = {};
    const client = (role: Role): ApiClient => {
      const found = as[role];
      if (!found) throw new Error(`no ${role} client`);
      return found;
    };

    beforeAll(async () => {
      api = await startApi(kind);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('asks for an owner on a fresh install, and lets exactly one visitor become it', async () => {
      expect(await api.anonymous.setup.status.query()).toEqual({ needsOwner: true });
      await expectTrpcError(api.anonymous.flows.list.query(), 'UNAUTHORIZED');
      const weak = await expectTrpcError(
        api.anonymous.setup.createOwner.mutate({ email: 'owner@example.com', name: 'Owner', password: 'short' }),
        'BAD_REQUEST',
      );
      expect(weak.data?.issues).toEqual([expect.objectContaining({ path: 'password' })]);

      const attempts = await Promise.allSettled(
        ['owner@example.com', 'rival@example.com'].map((email) =>
          api.anonymous.setup.createOwner.mutate({ email, name: 'Owner', password: TEST_PASSWORD }),
        ),
      );
      const owners = attempts.filter((a) => a.status === 'fulfilled');
      expect(owners).toHaveLength(1);
      expect(owners[0]?.status === 'fulfilled' && owners[0].value.role).toBe('admin');
      expect(await api.anonymous.setup.status.query()).toEqual({ needsOwner: false });

      const ownerEmail = owners[0]?.status === 'fulfilled' ? owners[0].value.email : '';
      as.admin = apiClient(api.url, await signIn(api.url, ownerEmail, TEST_PASSWORD));
      expect(await client('admin').users.me.query()).toMatchObject({ email: ownerEmail, role: 'admin' });
      await expectTrpcError(
        api.anonymous.setup.createOwner.mutate({ email: 'late@example.com', name: 'Late', password: TEST_PASSWORD }),
        'CONFLICT',
      );
    });

    it('refuses a wrong password and an unknown session', async () => {
      await expect(signIn(api.url, 'owner@example.com', 'wrong password!')).rejects.toThrow(/401/);
      await expectTrpcError(apiClient(api.url, 'better-auth.session_token=forged').flows.list.query(), 'UNAUTHORIZED');
    });

    it('lets admins create accounts with roles; others cannot', async () => {
      for (const role of ['designer', 'agent', 'viewer'] as const) as[role] = await clientAs(api, role);
      expect(await client('viewer').users.me.query()).toMatchObject({ role: 'viewer' });
      await expectTrpcError(
        client('designer').users.create.mutate({ email: 'x@example.com', name: 'X', password: TEST_PASSWORD, role: 'admin' }),
        'FORBIDDEN',
      );
      const users = await client('admin').users.list.query();
      expect(users.map((u) => u.role).sort()).toEqual(['admin', 'agent', 'designer', 'viewer']);
      expect(JSON.stringify(users)).not.toMatch(/password|hash/i);
    });

    it('creates, renames, duplicates, archives and restores flows', async () => {
      const designer = client('designer');
      const created = await designer.flows.create.mutate({ name: 'Billing questions' });
      expect(created.flow.id).toBe('billing-questions');
      expect(created.draft.revision).toBe(1);
      expect(typeof created.flow.createdAt).toBe('string');
      await expectTrpcError(designer.flows.create.mutate({ name: 'Other', id: 'billing-questions' }), 'CONFLICT');
      expect((await designer.flows.create.mutate({ name: 'Billing questions' })).flow.id).toBe('billing-questions-2');

      const renamed = await designer.flows.rename.mutate({ id: 'billing-questions', name: 'Billing and refunds' });
      expect(renamed.draft).toMatchObject({ revision: 2, content: { name: 'Billing and refunds' } });

      const copy = await designer.flows.duplicate.mutate({ id: 'billing-questions' });
      expect(copy.flow).toMatchObject({ id: 'billing-and-refunds-copy', name: 'Billing and refunds (copy)' });
      expect(copy.draft.content.nodes).toEqual(renamed.draft.content.nodes);

      await designer.flows.archive.mutate({ id: 'billing-questions-2' });
      const listed = (await client('viewer').flows.list.query()).map((f) => f.id);
      expect(listed).toContain('billing-questions');
      expect(listed).not.toContain('billing-questions-2');
      const all = await client('viewer').flows.list.query({ includeArchived: true });
      expect(all.map((f) => f.id)).toContain('billing-questions-2');
      await expectTrpcError(
        designer.flows.saveDraft.mutate({ id: 'billing-questions-2', revision: 1, content: greeting('billing-questions-2') }),
        'PRECONDITION_FAILED',
      );
      await designer.flows.restore.mutate({ id: 'billing-questions-2' });
      expect((await client('viewer').flows.list.query()).map((f) => f.id)).toContain('billing-questions-2');
      await expectTrpcError(designer.flows.get.query({ id: 'no-such-flow' }), 'NOT_FOUND');
    });

    it('saves drafts with optimistic concurrency: of two saves from one revision exactly one wins', async () => {
      const designer = client('designer');
      await designer.flows.create.mutate({ name: 'Race', id: 'race' });
      const results = await Promise.allSettled(
        ['first', 'second'].map((text) =>
          designer.flows.saveDraft.mutate({ id: 'race', revision: 1, content: greeting('race', text) }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(won[0]?.status === 'fulfilled' && won[0].value.revision).toBe(2);
      const lost = results.find((r) => r.status === 'rejected');
      const conflict = await expectTrpcError(Promise.reject(lost?.status === 'rejected' ? lost.reason : undefined), 'CONFLICT');
      expect(conflict.data?.revision).toBe(2);

      const stored = await designer.flows.get.query({ id: 'race' });
      expect(stored.draft.revision).toBe(2);
      const winnerText = stored.draft.content.nodes.find((n) => n.id === 'hello')?.data.text;
      expect(['first', 'second']).toContain(winnerText);

      // Nothing is overwritten by a stale save, and bad content is refused with paths.
      await expectTrpcError(designer.flows.saveDraft.mutate({ id: 'race', revision: 1, content: greeting('race', 'late') }), 'CONFLICT');
      const ahead = await expectTrpcError(designer.flows.saveDraft.mutate({ id: 'race', revision: 99, content: greeting('race', 'late') }), 'CONFLICT');
      expect(ahead.message).toMatch(/Revision 99 does not exist; the draft is at revision 2/);
      const bad = await expectTrpcError(
        designer.flows.saveDraft.mutate({ id: 'race', revision: 2, content: { ...greeting('race'), nodes: [{ type: 'message' }] } }),
        'BAD_REQUEST',
      );
      expect(bad.data?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'nodes[0].id' })]));
      await expectTrpcError(designer.flows.saveDraft.mutate({ id: 'race', revision: 2, content: greeting('other-id') }), 'BAD_REQUEST');
      expect((await designer.flows.get.query({ id: 'race' })).draft).toMatchObject({ revision: 2 });
    });

    it('refuses to publish a draft with errors and publishes a clean one as the next version', async () => {
      const designer = client('designer');
      await designer.flows.create.mutate({ name: 'Publish me', id: 'publish-me' });
      const broken = { ...greeting('publish-me'), edges: [{ source: 'start', target: 'nowhere' }] };
      await designer.flows.saveDraft.mutate({ id: 'publish-me', revision: 1, content: broken });
      const validation = await client('viewer').flows.validate.query({ id: 'publish-me' });
      expect(validation.errors).toBeGreaterThan(0);
      const refused = await expectTrpcError(designer.flows.publish.mutate({ id: 'publish-me', note: 'v1' }), 'PRECONDITION_FAILED');
      expect(refused.data?.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error' })]));
      expect(await designer.versions.list.query({ id: 'publish-me' })).toEqual([]);

      await designer.flows.saveDraft.mutate({ id: 'publish-me', revision: 2, content: greeting('publish-me') });
      await expectTrpcError(designer.flows.publish.mutate({ id: 'publish-me', revision: 2 }), 'CONFLICT');
      const v1 = await designer.flows.publish.mutate({ id: 'publish-me', note: 'First release', revision: 3 });
      expect(v1).toMatchObject({ flowId: 'publish-me', number: 1, note: 'First release', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const stored = await designer.versions.get.query({ id: 'publish-me', number: 1 });
      expect(stored.content).toEqual((await designer.flows.get.query({ id: 'publish-me' })).draft.content);
      expect((await designer.flows.list.query()).find((f) => f.id === 'publish-me')?.latestVersion).toBe(1);
    });

    it('resolves subflow nodes among published flows', async () => {
      const designer = client('designer');
      const caller = {
        ...greeting('caller'),
        nodes: [
          { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
          { id: 'call', type: 'subflow', position: { x: 0, y: 100 }, data: { flow: 'callee' } },
          { id: 'done', type: 'end', position: { x: 0, y: 200 }, data: { outcome: 'resolved' } },
        ],
        edges: [
          { source: 'start', target: 'call' },
          { source: 'call', sourceHandle: 'done', target: 'done' },
          { source: 'call', sourceHandle: 'error', target: 'done' },
        ],
      };
      const codes = async () => (await designer.flows.validate.query({ content: caller })).diagnostics.map((d) => d.code);
      expect(await codes()).toContain('unknown-flow');
      await designer.flows.import.mutate({ document: caller, allowErrors: true });
      await expectTrpcError(designer.flows.publish.mutate({ id: 'caller' }), 'PRECONDITION_FAILED');

      await designer.flows.import.mutate({ document: greeting('callee') });
      // A draft is not enough: the runtime runs published versions.
      expect(await codes()).toContain('unknown-flow');
      await designer.flows.publish.mutate({ id: 'callee' });
      expect(await codes()).not.toContain('unknown-flow');
      expect((await designer.flows.publish.mutate({ id: 'caller' })).number).toBe(1);
      await expectTrpcError(designer.versions.list.query({ id: 'nobody' }), 'NOT_FOUND');
    });

    it('never repeats a version number under concurrent publishes', async () => {
      const designer = client('designer');
      await designer.flows.create.mutate({ name: 'Busy', id: 'busy' });
      await designer.flows.saveDraft.mutate({ id: 'busy', revision: 1, content: greeting('busy') });
      const versions = await Promise.all(Array.from({ length: 6 }, (_, i) => designer.flows.publish.mutate({ id: 'busy', note: `n${i}` })));
      expect(versions.map((v) => v.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      const listed = await designer.versions.list.query({ id: 'busy' });
      expect(listed.map((v) => v.number)).toEqual([6, 5, 4, 3, 2, 1]);
    });

    it('rolls back by publishing an old version again, and diffs versions', async () => {
      const designer = client('designer');
      await designer.flows.create.mutate({ name: 'Rollback', id: 'rollback' });
      await designer.flows.saveDraft.mutate({ id: 'rollback', revision: 1, content: greeting('rollback', 'Hi') });
      const v1 = await designer.flows.publish.mutate({ id: 'rollback' });
      const changed = greeting('rollback', 'Hello again');
      changed.nodes.push({ id: 'extra', type: 'message', position: { x: 0, y: 300 }, data: { text: 'More' } });
      changed.edges = [
        { source: 'start', target: 'hello' },
        { source: 'hello', target: 'extra' },
        { source: 'extra', target: 'done' },
      ];
      await designer.flows.saveDraft.mutate({ id: 'rollback', revision: 2, content: changed });
      await designer.flows.publish.mutate({ id: 'rollback' });

      const diff = await designer.versions.diff.query({ id: 'rollback', from: 1, to: 2 });
      expect(diff.nodes.added.map((n) => n.id)).toEqual(['extra']);
      expect(diff.nodes.changed).toEqual([{ id: 'hello', type: 'message', fields: [{ path: 'data.text', before: 'Hi', after: 'Hello again' }] }]);
      expect(diff.edges.removed.map((e) => e.id)).toEqual(['hello-next-done']);
      expect(diff.edges.added.map((e) => e.id).sort()).toEqual(['extra-next-done', 'hello-next-extra']);

      await expectTrpcError(client('agent').versions.rollback.mutate({ id: 'rollback', number: 1 }), 'FORBIDDEN');
      const v3 = await designer.versions.rollback.mutate({ id: 'rollback', number: 1 });
      expect(v3).toMatchObject({ number: 3, checksum: v1.checksum, note: 'Rollback to version 1' });
      const back = await designer.versions.diff.query({ id: 'rollback', from: 1, to: 3 });
      expect(back).toEqual({ flow: [], nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], changed: [] } });
      const draftAfter = await designer.versions.diff.query({ id: 'rollback', from: 1, to: 'draft' });
      expect(draftAfter.nodes).toEqual({ added: [], removed: [], changed: [] });
      expect((await designer.flows.get.query({ id: 'rollback' })).draft.revision).toBe(4);
      // A rename is not a version: rolling back keeps the flow's current name in its draft.
      await designer.flows.rename.mutate({ id: 'rollback', name: 'Rollback, renamed' });
      await designer.versions.rollback.mutate({ id: 'rollback', number: 1 });
      const renamed = await designer.flows.get.query({ id: 'rollback' });
      expect(renamed.flow.name).toBe('Rollback, renamed');
      expect(renamed.draft.content.name).toBe('Rollback, renamed');
      await expectTrpcError(designer.versions.get.query({ id: 'rollback', number: 9 }), 'NOT_FOUND');
    });

    it('refuses what a role may not do, and changes nothing', async () => {
      const designer = client('designer');
      await designer.flows.create.mutate({ name: 'Guarded', id: 'guarded' });
      await designer.flows.saveDraft.mutate({ id: 'guarded', revision: 1, content: greeting('guarded') });
      const before = await designer.flows.get.query({ id: 'guarded' });

      await expectTrpcError(client('viewer').flows.saveDraft.mutate({ id: 'guarded', revision: 2, content: greeting('guarded', 'hacked') }), 'FORBIDDEN');
      await expectTrpcError(client('agent').flows.saveDraft.mutate({ id: 'guarded', revision: 2, content: greeting('guarded', 'hacked') }), 'FORBIDDEN');
      await expectTrpcError(client('agent').flows.publish.mutate({ id: 'guarded' }), 'FORBIDDEN');
      await expectTrpcError(client('viewer').flows.publish.mutate({ id: 'guarded' }), 'FORBIDDEN');
      await expectTrpcError(client('viewer').flows.create.mutate({ name: 'Nope' }), 'FORBIDDEN');
      await expectTrpcError(client('viewer').flows.archive.mutate({ id: 'guarded' }), 'FORBIDDEN');
      await expectTrpcError(client('agent').flows.import.mutate({ document: greeting('sneaky') }), 'FORBIDDEN');
      await expectTrpcError(client('designer').apiKeys.create.mutate({ name: 'nope' }), 'FORBIDDEN');
      await expectTrpcError(api.anonymous.flows.get.query({ id: 'guarded' }), 'UNAUTHORIZED');

      expect(await designer.flows.get.query({ id: 'guarded' })).toEqual(before);
      expect(await designer.versions.list.query({ id: 'guarded' })).toEqual([]);
      expect((await designer.flows.list.query({ includeArchived: true })).map((f) => f.id)).not.toContain('sneaky');
      // Reading is open to every role.
      expect((await client('agent').flows.get.query({ id: 'guarded' })).draft.revision).toBe(2);
      expect(await client('viewer').flows.export.query({ id: 'guarded' })).toEqual(before.draft.content);
    });

    it('imports valid documents, refuses malformed ones with actionable errors and changes nothing', async () => {
      const designer = client('designer');
      const before = await designer.flows.list.query({ includeArchived: true });

      const notJson = await expectTrpcError(designer.flows.import.mutate({ document: '{"format": "switchboard/flow@1", nodes: [' }), 'BAD_REQUEST');
      expect(notJson.message).toMatch(/not valid JSON/);
      const wrongFormat = await expectTrpcError(designer.flows.import.mutate({ document: { format: 'other/thing@3', id: 'x' } }), 'BAD_REQUEST');
      expect(wrongFormat.data?.issues).toEqual([expect.objectContaining({ path: 'format' })]);
      const missing = await expectTrpcError(
        designer.flows.import.mutate({ document: { format: FLOW_FORMAT, id: 'Bad Id', nodes: 'none' } }),
        'BAD_REQUEST',
      );
      expect(missing.data?.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'id' }),
          expect.objectContaining({ path: 'name' }),
          expect.objectContaining({ path: 'nodes' }),
        ]),
      );
      const dangling = { ...greeting('dangling'), edges: [{ source: 'start', target: 'ghost' }] };
      const invalid = await expectTrpcError(designer.flows.import.mutate({ document: dangling }), 'BAD_REQUEST');
      expect(invalid.message).toMatch(/error/);
      expect(invalid.data?.issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: expect.any(String) })]));
      expect(await designer.flows.list.query({ includeArchived: true })).toEqual(before);

      const imported = await designer.flows.import.mutate({ document: JSON.stringify(greeting('imported')) });
      expect(imported.flow.id).toBe('imported');
      expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      await expectTrpcError(designer.flows.import.mutate({ document: greeting('imported') }), 'CONFLICT');
      const renamed = await designer.flows.import.mutate({ document: greeting('imported'), id: 'imported-again', name: 'Again' });
      expect(renamed.draft.content).toMatchObject({ id: 'imported-again', name: 'Again' });
      const drafty = await designer.flows.import.mutate({ document: dangling, allowErrors: true });
      expect(drafty.diagnostics.some((d) => d.severity === 'error')).toBe(true);

      const exported = await designer.flows.export.query({ id: 'imported' });
      expect(exported).toEqual(imported.draft.content);
      await designer.flows.publish.mutate({ id: 'imported' });
      expect(await designer.flows.export.query({ id: 'imported', version: 1 })).toEqual(exported);
    });

    it('issues API keys that are shown once, stored hashed and can be revoked', async () => {
      const admin = client('admin');
      const { key, apiKey } = await admin.apiKeys.create.mutate({ name: 'CRM connector' });
      expect(key).toMatch(/^sb_[A-Za-z0-9_-]{40,}$/);
      expect(key.startsWith(apiKey.prefix)).toBe(true);
      const listed = await admin.apiKeys.list.query();
      expect(JSON.stringify(listed)).not.toContain(key);
      expect(JSON.stringify(listed)).not.toMatch(/"hash"/);
      expect(await verifyApiKey(api.services.db, key)).toMatchObject({ id: apiKey.id });
      expect(await verifyApiKey(api.services.db, `${key}x`)).toBeUndefined();
      const revoked = await admin.apiKeys.revoke.mutate({ id: apiKey.id });
      expect(await verifyApiKey(api.services.db, key)).toBeUndefined();
      expect((await admin.apiKeys.revoke.mutate({ id: apiKey.id })).revokedAt).toBe(revoked.revokedAt);
    });

    it('changes roles, but never demotes the last admin', async () => {
      const admin = client('admin');
      const me = await admin.users.me.query();
      await expectTrpcError(admin.users.setRole.mutate({ userId: me?.id ?? '', role: 'viewer' }), 'PRECONDITION_FAILED');
      const viewer = (await admin.users.list.query()).find((u) => u.role === 'viewer');
      expect(await admin.users.setRole.mutate({ userId: viewer?.id ?? '', role: 'designer' })).toMatchObject({ role: 'designer' });
      // The role is read per request, so the change applies to the open session at once.
      expect(await client('viewer').users.me.query()).toMatchObject({ role: 'designer' });
    });
  });
}
