import { describeQueueContract } from './queue.contract';
import { EmbeddedQueue } from './queue';

describeQueueContract('embedded', () => new EmbeddedQueue({ backoffMs: 10 }));
