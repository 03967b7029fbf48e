import { describeApiContract } from './api.contract';

describeApiContract('postgres');
