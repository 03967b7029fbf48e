// Compiled machines, one per published flow version. A version never changes, so its machine
// is built once per process and kept.
import type { AnyStateMachine } from 'xstate';
import { compileFlow, createFlowMachine, type CompiledFlow, type EffectServices } from '@/flows';
import type { Database } from '../db/client';
import { publishedLibrary } from '../flows/library';
import { getVersion } from '../flows/publishing';

export interface FlowProgram {
  compiled: CompiledFlow;
  machine: AnyStateMachine;
}

export class MachineCache {
  private readonly programs = new Map<string, Promise<FlowProgram>>();

  constructor(private readonly services: EffectServices) {}

  get(db: Database, flowId: string, version: number): Promise<FlowProgram> {
    const key = `${flowId}@${version}`;
    let program = this.programs.get(key);
    if (!program) {
      program = this.build(db, flowId, version);
      this.programs.set(key, program);
      program.catch(() => this.programs.delete(key));
    }
    return program;
  }

  private async build(db: Database, flowId: string, version: number): Promise<FlowProgram> {
    const { content, publishedAt } = await getVersion(db, flowId, version);
    // Subflows as they were when this version was published: the same in every process.
    const result = compileFlow(content, { flows: await publishedLibrary(db, content, publishedAt) });
    if (!result.ok) {
      const first = result.diagnostics.find((d) => d.severity === 'error');
      throw new Error(`flow ${flowId} v${version} does not compile: ${first?.message ?? 'unknown error'}`);
    }
    return { compiled: result.flow, machine: createFlowMachine(result.flow, this.services) };
  }
}
