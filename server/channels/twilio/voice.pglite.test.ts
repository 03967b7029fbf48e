import { describeVoiceContract } from './voice.contract';

describeVoiceContract('pglite');
