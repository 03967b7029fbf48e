import { describeVoiceContract } from './voice.contract';

describeVoiceContract('postgres', { redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' });
