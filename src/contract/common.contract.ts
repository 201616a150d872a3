// Shapes shared by every endpoint: errors and small building blocks.
import { z } from 'zod';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof ProblemSchema>;

export const IdParams = z.object({ id: z.string().min(1).max(100) });

/** Visible text without control characters (hostile strings are stored verbatim but never executable). */
export const text = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'Control characters are not allowed');

export const MoneySchema = z.object({
  amount: z.number().int('Integer minor units (e.g. cents)').min(0).max(1_000_000_000_00),
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR'),
});
