import { describeLineContract } from './line.contract';

describeLineContract('pglite');
