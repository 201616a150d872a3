import { Option, type Command } from 'commander';
import { AppError } from '../../domain/shared/errors.ts';
import type { Role } from '../../domain/identity/roles.ts';
import { createUser, disableUser, listUsers } from '../../services/users.service.ts';
import { commandGroup, plural, usageErrorsExit2, withServices } from './command-support.ts';
import { generatedPassword, readStdin } from './identity-support.ts';

export const registerUsers = (program: Command): void => {
  const group = commandGroup(program, 'users', 'User accounts');

  usageErrorsExit2(group.command('list'))
    .description('List users (email, name, status, memberships)')
    .option('--org <orgId>', 'only members of this organization')
    .action(async (opts: { org?: string }) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const users = await listUsers(deps, opts.org);
        for (const u of users) {
          const orgs = u.memberships.map((m) => `${m.orgId}:${m.role}`).join(',') || '-';
          const status = u.disabledAt === null ? 'active' : `disabled ${u.disabledAt}`;
          process.stdout.write(`${u.email}\t${u.name}\t${status}\t${orgs}\n`);
        }
        process.stderr.write(`${plural(users.length, 'user')}.\n`);
      });
    });

  usageErrorsExit2(group.command('create'))
    .description(
      'Create a user with a membership; without --password-stdin a password is generated and printed once',
    )
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--org <orgId>', 'organization to join')
    .addOption(
      new Option('--role <role>', 'role in the organization')
        .choices(['owner', 'admin', 'member'])
        .default('member'),
    )
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (opts: {
        email: string;
        name: string;
        org: string;
        role: Role;
        passwordStdin?: boolean;
      }) => {
        const password =
          opts.passwordStdin === true
            ? (await readStdin()).replace(/\r?\n$/, '')
            : generatedPassword();
        if (password === '') throw new AppError('validation', 'No password on standard input');
        await withServices({ skipIndex: true }, async ({ deps }) => {
          const user = await createUser(deps, {
            email: opts.email,
            name: opts.name,
            password,
            orgId: opts.org,
            role: opts.role,
          });
          process.stdout.write(
            `Created ${user.email} (${user.id}) as ${opts.role} of ${opts.org}.\n`,
          );
          if (opts.passwordStdin !== true)
            process.stdout.write(`Password (shown once): ${password}\n`);
        });
      },
    );

  usageErrorsExit2(group.command('disable'))
    .description('Disable sign-in for a user and end their sessions')
    .argument('<email>', 'the user’s email')
    .action(async (email: string) => {
      await withServices({ skipIndex: true }, async ({ deps }) => {
        const user = await disableUser(deps, email);
        process.stdout.write(`Disabled ${user.email} (since ${user.disabledAt ?? '?'}).\n`);
      });
    });
};
