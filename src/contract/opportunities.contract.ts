// Opportunities: request and response shapes. Codes, money and dates are checked by the domain
// (validateOpportunity), which names each field's path.
import { z } from 'zod';
import { text } from './common.contract.ts';

export const OPPORTUNITY_VISIBILITY_VALUES = ['private', 'selected', 'circle', 'network'] as const;
const CELL_KIND_VALUES = ['service', 'product', 'solutionArea', 'specialization'] as const;

const CellSchema = z.object({
  kind: z.enum(CELL_KIND_VALUES),
  code: z.string().min(1).max(64),
  country: z.string().min(1).max(8),
});

const ValueSchema = z.object({ amount: z.number(), currency: z.string().max(10) });

export const OpportunityCreateSchema = z.object({
  description: text(5000).optional(),
  cells: z.array(CellSchema).max(100).optional(),
  customerName: text(200).pipe(z.string().trim().min(1, 'Required')),
  customerDomain: z.string().min(1).max(300),
  hideCustomer: z.boolean().default(false),
  value: ValueSchema,
  expectedCloseDate: z.string().max(10),
  visibility: z.enum(OPPORTUNITY_VISIBILITY_VALUES),
  selectedOrgIds: z.array(z.string().min(1).max(100)).max(200).optional(),
  competitorOrgIds: z.array(z.string().min(1).max(100)).max(200).optional(),
  /** Required for visibility "circle": a circle your organization belongs to. */
  circleId: z.string().min(1).max(100).optional(),
});

export const OpportunitySchema = z
  .object({
    id: z.string(),
    ownerOrgId: z.string(),
    engagementId: z.string(),
    description: z.string(),
    cells: z.array(CellSchema).readonly(),
    /** Null for other organizations when the owner hides the customer. */
    customerName: z.string().nullable(),
    customerDomain: z.string().nullable(),
    hideCustomer: z.boolean(),
    value: z.object({ amount: z.number().int(), currency: z.string() }),
    expectedCloseDate: z.string(),
    visibility: z.enum(OPPORTUNITY_VISIBILITY_VALUES),
    /** Shown to the owner only; empty for everyone else. */
    selectedOrgIds: z.array(z.string()).readonly(),
    competitorOrgIds: z.array(z.string()).readonly(),
    /** The circle it is shared with (visibility "circle"), else null. */
    circleId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Opportunity' });

export const OpportunityListSchema = z.object({ opportunities: z.array(OpportunitySchema) });
