import { describeRuntimeContract } from './runtime.contract';

describeRuntimeContract('postgres');
