import { describeRoutingContract } from './routing.contract';

describeRoutingContract('pglite');
