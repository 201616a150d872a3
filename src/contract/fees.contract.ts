// Fees: the ledger per partnership (due / invoiced / paid / disputed / waived), invoice and pay,
// disputes with a thread and a two-sided resolution, and the FX table in use.
import { z } from 'zod';
import { text } from './common.contract.ts';

export const FEE_STATUS_VALUES = ['due', 'invoiced', 'paid', 'disputed', 'waived'] as const;
export const FEE_ACTION_VALUES = ['invoice', 'pay'] as const;

const AmountSchema = z.object({ amount: z.number().int(), currency: z.string() });
const CurrencyQuery = z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR');

export const ResolutionSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('uphold') }),
  /** A new fee amount in the fee's currency, integer minor units. */
  z.object({ outcome: z.literal('adjust'), amount: z.number().int().min(0) }),
  z.object({ outcome: z.literal('waive') }),
]);
export type ResolutionDto = z.infer<typeof ResolutionSchema>;

export const DisputeSchema = z
  .object({
    id: z.string(),
    feeId: z.string(),
    status: z.enum(['open', 'resolved']),
    openedByOrgId: z.string(),
    openedAt: z.string(),
    reason: z.string(),
    messages: z.array(z.object({ orgId: z.string(), at: z.string(), text: z.string() })),
    /** Each party's latest proposal; the dispute closes when both propose the same. */
    proposals: z.array(z.object({ orgId: z.string(), resolution: ResolutionSchema })),
    resolvedAt: z.string().nullable(),
    resolution: ResolutionSchema.nullable(),
  })
  .meta({ id: 'FeeDispute' });
export type DisputeDto = z.infer<typeof DisputeSchema>;

export const FeeSchema = z
  .object({
    id: z.string(),
    referralId: z.string(),
    partnershipId: z.string(),
    agreementId: z.string(),
    agreementVersion: z.number().int(),
    payerOrgId: z.string(),
    payeeOrgId: z.string(),
    /** The caller's side of this fee. */
    role: z.enum(['payer', 'payee']),
    direction: z.enum(['receivable', 'payable']),
    amount: AmountSchema,
    status: z.enum(FEE_STATUS_VALUES),
    paymentDays: z.number().int(),
    dueSince: z.string(),
    invoicedAt: z.string().nullable(),
    paymentDueAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    flags: z.array(z.string()),
    calculation: z.object({
      basis: z.enum(['percent-of-revenue', 'revenue-share', 'fixed-fee']),
      /** Basis points (1000 = 10 %), null for a fixed fee. */
      rate: z.number().int().nullable(),
      realised: AmountSchema,
      /** Date of the FX table used to convert the realised value, null when none was needed. */
      fxDate: z.string().nullable(),
      amount: AmountSchema,
    }),
    /** The open dispute, or the last one resolved. */
    dispute: DisputeSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Fee' });
export type FeeDto = z.infer<typeof FeeSchema>;

export const FeeListQuery = z.object({
  partnershipId: z.string().min(1).max(100).optional(),
  status: z.enum(FEE_STATUS_VALUES).optional(),
  /** Reporting currency for the converted totals (default EUR). */
  currency: CurrencyQuery.optional(),
});

const TotalSchema = z.object({
  status: z.enum(FEE_STATUS_VALUES),
  direction: z.enum(['receivable', 'payable']),
  amount: z.number().int(),
  count: z.number().int(),
});

export const FeeListSchema = z
  .object({
    fees: z.array(FeeSchema),
    /** Per currency, status and direction: never summed across currencies. */
    totals: z.array(TotalSchema.extend({ currency: z.string() })),
    /** The same totals converted into one reporting currency with the FX table of `fxDate`. */
    reporting: z.object({
      currency: z.string(),
      fxDate: z.string(),
      totals: z.array(TotalSchema),
    }),
  })
  .meta({ id: 'FeeLedger' });
export type FeeListDto = z.infer<typeof FeeListSchema>;

export const FeeActionParams = z.object({
  id: z.string().min(1).max(100),
  action: z.enum(FEE_ACTION_VALUES),
});

export const DisputeOpenSchema = z.object({ reason: text(2000) });
export const DisputeMessageSchema = z.object({ text: text(5000) });
export const DisputeResolveSchema = z.object({ resolution: ResolutionSchema });

export const FxSchema = z
  .object({
    /** Date of the table now used for new conversions (the newest on or before today). */
    date: z.string(),
    source: z.string(),
    /** True for the snapshot shipped in data/fx, false for an imported table. */
    shipped: z.boolean(),
    base: z.literal('EUR'),
    currencies: z.array(z.string()),
    /** Every table known, newest first. */
    tables: z.array(z.object({ date: z.string(), source: z.string(), shipped: z.boolean() })),
  })
  .meta({ id: 'FxTable' });
export type FxDto = z.infer<typeof FxSchema>;
