import { describeSchemaContract } from './schema.contract';

describeSchemaContract('pglite');
