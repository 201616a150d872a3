// Every CLI command module; each adds its subcommand(s) to the program.
import type { Command } from 'commander';
import { registerAudit } from './commands/audit.command.ts';
import { registerBackup } from './commands/backup.command.ts';
import { registerDemo } from './commands/demo.command.ts';
import { registerExport } from './commands/export.command.ts';
import { registerFx } from './commands/fx.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerMatch } from './commands/match.command.ts';
import { registerMigrate } from './commands/migrate.command.ts';
import { registerReferrals } from './commands/referrals.command.ts';
import { registerReport } from './commands/report.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerTokens } from './commands/tokens.command.ts';
import { registerUsers } from './commands/users.command.ts';

export type RegisterCommand = (program: Command) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  registerServe,
  registerMigrate,
  registerDemo,
  registerImport,
  registerExport,
  registerBackup,
  registerAudit,
  registerUsers,
  registerTokens,
  registerReferrals,
  registerMatch,
  registerFx,
  registerReport,
];
