import type { Command } from 'commander';
import {
  createTokenAsOperator,
  listOrgTokens,
  revokeTokenAsOperator,
} from '../../services/tokens.service.ts';
import {
  commandGroup,
  plural,
  usageErrorsExit2,
  wholeNumber,
  withServices,
} from './command-support.ts';

export const registerTokens = (program: Command): void => {
  const group = commandGroup(program, 'tokens', 'API tokens');

  usageErrorsExit2(group.command('list'))
    .description('List an organization’s API tokens (never the secret)')
    .requiredOption('--org <orgId>', 'organization')
    .action(async (opts: { org: string }) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const tokens = await listOrgTokens(deps, opts.org);
        for (const t of tokens) {
          const state = t.revokedAt !== null ? `revoked ${t.revokedAt}` : `expires ${t.expiresAt}`;
          process.stdout.write(
            `${t.id}\t${t.prefix}…\t${t.name}\tuser ${t.userId}\t${state}\tlast used ${t.lastUsedAt ?? 'never'}\n`,
          );
        }
        process.stderr.write(`${plural(tokens.length, 'token')}.\n`);
      });
    });

  usageErrorsExit2(group.command('create'))
    .description('Create an API token acting as a member of the organization (printed once)')
    .requiredOption('--org <orgId>', 'organization')
    .requiredOption('--user <email>', 'the member the token acts as')
    .requiredOption('--name <name>', 'a label to tell tokens apart')
    .option('--days <n>', 'days until it expires (default 90)', wholeNumber(1, 365))
    .action(async (opts: { org: string; user: string; name: string; days?: number }) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const { token, apiToken } = await createTokenAsOperator(deps, {
          orgId: opts.org,
          userEmail: opts.user,
          name: opts.name,
          ...(opts.days === undefined ? {} : { expiresInDays: opts.days }),
        });
        process.stderr.write(
          `Created token ${apiToken.id} (${apiToken.name}), expires ${apiToken.expiresAt}. It is shown once:\n`,
        );
        process.stdout.write(`${token}\n`);
      });
    });

  usageErrorsExit2(group.command('revoke'))
    .description('Revoke an API token by id')
    .argument('<id>', 'token id (from tokens list)')
    .action(async (id: string) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const t = await revokeTokenAsOperator(deps, id);
        process.stdout.write(`Revoked ${t.id} (${t.name}).\n`);
      });
    });
};
