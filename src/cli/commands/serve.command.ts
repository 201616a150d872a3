import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { startServer } from '../../main.ts';

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('Run the Circles server (migrates the store first)')
    .option('--demo', 'seed the demo ecosystem and demo sign-in when the store is empty')
    .action(async (opts: { demo?: boolean }) => {
      await startServer(loadConfig(), { demo: opts.demo === true });
    });
};
