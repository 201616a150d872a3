// The `circles` command line. Commands call the same services as HTTP, never HTTP itself.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { AppError } from '../domain/shared/errors.ts';
import { COMMANDS } from './command-list.ts';

const program = new Command()
  .name('circles')
  .description('Circles: partner-to-partner business for IT partners')
  .showHelpAfterError('(run circles --help for usage)')
  .exitOverride();

for (const register of COMMANDS) register(program);

function oneLine(err: unknown): string {
  if (err instanceof AppError) {
    const fields = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return fields === '' ? err.message : `${err.message} (${fields})`;
  }
  if (err instanceof ConfigError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`circles: ${oneLine(err)}\n`);
  process.exit(err instanceof AppError ? 2 : 1);
}
