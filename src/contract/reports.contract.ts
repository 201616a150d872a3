// The association's P2P report: won referrals between members, as suppressed aggregates only.
import { z } from 'zod';

export const REPORT_GROUP_BY_VALUES = ['country', 'solutionArea', 'month'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date (YYYY-MM-DD)');

export const P2pReportQuery = z.object({
  groupBy: z.enum(REPORT_GROUP_BY_VALUES).default('month'),
  /** First day counted (UTC, inclusive); default: one year before `to`. */
  from: isoDate.optional(),
  /** Last day counted (UTC, inclusive); default: today. */
  to: isoDate.optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR')
    .default('EUR'),
});
export type P2pReportQueryDto = z.infer<typeof P2pReportQuery>;

export const ReportCellSchema = z.discriminatedUnion('suppressed', [
  z.object({
    key: z.string(),
    suppressed: z.literal(false),
    count: z.number().int(),
    value: z.object({ amount: z.number().int(), currency: z.string() }),
    /** Share of cross-border deals in basis points (10000 = 100 %). */
    crossBorderShare: z.number().int(),
  }),
  /** Built from fewer than `minOrgsPerCell` organizations (or needed to protect such a cell). */
  z.object({ key: z.string(), suppressed: z.literal(true) }),
]);
export type ReportCellDto = z.infer<typeof ReportCellSchema>;

export const P2pReportSchema = z
  .object({
    groupBy: z.enum(REPORT_GROUP_BY_VALUES),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    /** Date of the FX table used to convert every value into `currency`. */
    fxDate: z.string(),
    minOrgsPerCell: z.number().int(),
    cells: z.array(ReportCellSchema),
    /** Over distinct referrals: a deal across two countries counts once here, in both cells. */
    total: ReportCellSchema,
  })
  .meta({ id: 'P2pReport' });
export type P2pReportDto = z.infer<typeof P2pReportSchema>;
