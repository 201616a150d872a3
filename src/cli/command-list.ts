// Every CLI command module; each adds its subcommand(s) to the program.
import type { Command } from 'commander';
import { registerServe } from './commands/serve.command.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerServe];
