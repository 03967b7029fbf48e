import { describeLineContract } from './line.contract';

describeLineContract('postgres');
