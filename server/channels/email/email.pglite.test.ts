import { describeEmailContract } from './email.contract';

describeEmailContract('pglite');
