// Small pieces the data commands share: services opened and always closed, whole-number options,
// and exit code 2 for bad usage (commander's own default is 1).
import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openServices, type OpenOptions, type Services } from '../../services/bootstrap.ts';

export async function withServices<T>(
  opts: OpenOptions,
  fn: (s: Services) => Promise<T>,
): Promise<T> {
  const services = await openServices(loadConfig(), opts);
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** Usage errors (missing argument, bad option value, unknown option) exit with 2. */
export function usageErrorsExit2<C extends Command>(cmd: C): C {
  return cmd.exitOverride((err) => {
    throw err.exitCode === 0 ? err : new CommanderError(2, err.code, err.message);
  });
}

/** An option parser for whole numbers in [min, max]. */
export function wholeNumber(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

/** `circles <group> <sub>`: reuses the group when another module registered it first. */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((c) => c.name() === name);
  return existing ?? usageErrorsExit2(program.command(name).description(description));
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
