// Who may call the desk procedures (the role guard reads the last `meta`).
import { readProcedure } from '../trpc';

/** Agents and admins: working conversations on the desktop. */
export const agentProcedure = readProcedure.meta({ roles: ['admin', 'agent'] });
/** Reading conversations: agents, admins, and designers (whose transcript access is checked per call). */
export const transcriptProcedure = readProcedure.meta({ roles: ['admin', 'agent', 'designer'] });
