import { describeHandoffContract } from './handoff.contract';

// Through BullMQ, so stream readers learn of changes by Redis pub/sub.
describeHandoffContract('postgres', { redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
