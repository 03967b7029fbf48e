import { describeRuntimeContract } from './runtime.contract';

describeRuntimeContract('pglite');
