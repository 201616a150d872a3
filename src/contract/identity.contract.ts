// Building blocks shared by the identity contracts (auth, members, tokens).
import { z } from 'zod';

export const RoleSchema = z.enum(['owner', 'admin', 'member']).meta({ id: 'Role' });
export type RoleDto = z.infer<typeof RoleSchema>;

/** Trimmed and lower-cased before it is checked, so "Ann@Example.com " is ann@example.com. */
export const EmailInput = z
  .string()
  .max(254)
  .trim()
  .toLowerCase()
  .check(z.email('Not a valid email address'));

export const UserSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof UserSchema>;

/** The org a caller acts in, with their role there. */
export const OrgRoleSchema = z
  .object({ id: z.string(), name: z.string(), role: RoleSchema })
  .meta({ id: 'OrgRole' });
