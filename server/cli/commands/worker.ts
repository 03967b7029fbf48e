import { openDatabase } from '../../db/client';
import { createServices } from '../../services';
import type { Command } from '../main';
import { green } from '../output';

export const workerCommand: Command = {
  summary: 'process conversations from the BullMQ queue (needs REDIS_URL and DATABASE_URL); run as many as needed',
  usage: 'worker',
  async run(_args, output) {
    if (!process.env.REDIS_URL || !process.env.DATABASE_URL) {
      throw new Error('a worker needs REDIS_URL and DATABASE_URL; without them `npm start` processes conversations itself');
    }
    const database = await openDatabase();
    const services = await createServices(database, { worker: true, smtpInbound: false });
    output.out(green(`✓ Worker ${process.pid} is processing conversations. Stop it with Ctrl+C or SIGTERM.`));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
    output.out('• Finishing the work in hand…');
    await services.close();
    output.out(green('✓ Stopped.'));
    return 0;
  },
};
