import { describeApiContract } from './api.contract';

describeApiContract('pglite');
