import { describeHandoffContract } from './handoff.contract';

describeHandoffContract('pglite');
