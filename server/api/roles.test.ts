import { describe, expect, it } from 'vitest';
import { appRouter } from './root';

/** Every procedure by path, with the roles it declares. */
function declaredRoles(): Map<string, unknown> {
  const procedures: Record<string, unknown> = appRouter._def.procedures;
  return new Map(Object.entries(procedures).map(([path, procedure]) => [path, rolesOf(procedure)]));
}

function rolesOf(procedure: unknown): unknown {
  const def = Reflect.get(Object(procedure), '_def');
  const meta = Reflect.get(Object(def), 'meta');
  return meta === undefined ? undefined : Reflect.get(Object(meta), 'roles');
}

describe('roles', () => {
  it('every procedure states who may call it', () => {
    const undeclared = [...declaredRoles()].filter(([, roles]) => roles === undefined).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('only setup is public; changes to flows need a designer or an admin; accounts and keys need an admin', () => {
    const roles = declaredRoles();
    const publicPaths = [...roles].filter(([, r]) => r === 'public').map(([path]) => path);
    expect(publicPaths.sort()).toEqual(['setup.createOwner', 'setup.status']);
    for (const [path, declared] of roles) {
      const writesFlows = /^(flows\.(create|rename|duplicate|archive|restore|saveDraft|publish|import)|versions\.rollback|bindings\.(set|remove))$/.test(path);
      if (writesFlows) expect(declared, path).toEqual(['admin', 'designer']);
      if (/^(users\.(list|create|setRole)|apiKeys\.)/.test(path)) expect(declared, path).toEqual(['admin']);
    }
  });

  it('routing is managed by admins; its figures are read by admins and agents', () => {
    const roles = declaredRoles();
    const routing = [...roles].filter(([path]) => path.startsWith('routing.'));
    expect(routing.map(([path]) => path).sort()).toEqual(['routing.agents.list', 'routing.agents.update', 'routing.figures', 'routing.queues.delete', 'routing.queues.list', 'routing.queues.upsert']);
    for (const [path, declared] of routing) expect(declared, path).toEqual(path === 'routing.figures' ? ['admin', 'agent'] : ['admin']);
  });
});
