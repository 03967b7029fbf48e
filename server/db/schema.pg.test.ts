import { describeSchemaContract } from './schema.contract';

describeSchemaContract('postgres');
