import { describeEmailContract } from './email.contract';

describeEmailContract('postgres');
