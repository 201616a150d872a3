// Matchmaking and team formation: request and response shapes for HTTP, CLI and the web app.
// The shape is checked here; vocabulary codes, limits and weights are checked by the matching
// rules (domain/matching/validate-need.ts), whose errors carry the same paths (`needs[2].country`).
import { z } from 'zod';
import { OrgSummarySchema } from './orgs.contract.ts';

const code = z.string().min(1).max(64);

/** The capability a cell names: exactly one of these keys, e.g. `{ service: 'ManagedServices' }`. */
export const CELL_KIND_KEYS = ['service', 'product', 'solutionArea', 'specialization'] as const;
export type CellKindKey = (typeof CELL_KIND_KEYS)[number];

/** The factors of a score, in the order reasons are listed. */
export const MATCH_FACTORS = [
  'capability',
  'geography',
  'language',
  'industry',
  'customerSize',
  'capacity',
  'teaming',
  'responsiveness',
  'partnership',
  'trust',
  'complementarity',
] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export const NeedCellSchema = z
  .strictObject({
    service: code.optional(),
    product: code.optional(),
    solutionArea: code.optional(),
    specialization: code.optional(),
    country: z.string().min(1).max(8),
    /** Relative importance of the cell (default 1; greater than 0, at most 1000). */
    weight: z.number().optional(),
  })
  .refine((c) => CELL_KIND_KEYS.filter((k) => c[k] !== undefined).length === 1, {
    message: 'Name exactly one capability: service, product, solutionArea or specialization',
  })
  .meta({
    id: 'NeedCell',
    description: 'One capability in one country, e.g. { service, country }',
  });
export type NeedCellDto = z.infer<typeof NeedCellSchema>;

/** The kind and code of a cell that passed NeedCellSchema. */
export function cellCapability(cell: NeedCellDto): { kind: CellKindKey; code: string } {
  for (const kind of CELL_KIND_KEYS) {
    const value = cell[kind];
    if (value !== undefined) return { kind, code: value };
  }
  throw new Error('A need cell names no capability');
}

/** What every match, team and complements request shares: the cells and whole-need options. */
const needFields = {
  /** 1 to 100 cells (checked with the vocabularies, so errors name `needs[i]...`). */
  needs: z.array(NeedCellSchema).max(1000),
  industry: code.optional(),
  language: code.optional(),
  customerSize: code.optional(),
  /** Consultants the need asks to have available. */
  minCapacity: z.number().int().optional(),
  /** Designations every partner must hold. */
  designations: z.array(code).max(50).optional(),
  /** Drop partners whose offering overlaps yours by half or more (otherwise: a penalty). */
  excludeCompetitors: z.boolean().default(false),
};

export const MatchRequestSchema = z
  .strictObject({
    ...needFields,
    limit: z.number().int().min(1).max(100).default(20),
  })
  .meta({ id: 'MatchRequest' });
export type MatchRequest = z.input<typeof MatchRequestSchema>;

export const ReasonSchema = z
  .object({
    factor: z.enum(MATCH_FACTORS),
    /** In [0, 1]: how far the partner meets this factor. */
    value: z.number(),
    /** Points for a value of 1 (negative for the complementarity penalty). */
    weight: z.number(),
    /** value x weight; the points of all reasons add up to the score exactly. */
    points: z.number(),
    text: z.string(),
  })
  .meta({ id: 'MatchReason' });
export type ReasonDto = z.infer<typeof ReasonSchema>;

export const MatchResultSchema = z
  .object({
    org: OrgSummarySchema,
    score: z.number(),
    /** Indexes of the request's cells this partner can serve (capability and country). */
    covers: z.array(z.number().int()),
    reasons: z.array(ReasonSchema),
  })
  .meta({ id: 'MatchResult' });
export type MatchResultDto = z.infer<typeof MatchResultSchema>;

export const MatchResponseSchema = z
  .object({
    /** Best first; ties broken by name, then id, so the same data and request give the same order. */
    results: z.array(MatchResultSchema),
    /**
     * Partners (other than you) with evidence for some cell in or next to its country and every
     * required designation, counted before excludeCompetitors drops rivals.
     */
    total: z.number().int(),
    /** Indexes of cells no partner (other than you) can serve: capability and country. */
    uncovered: z.array(z.number().int()),
  })
  .meta({ id: 'MatchResponse' });
export type MatchResponseDto = z.infer<typeof MatchResponseSchema>;

export const TeamRequestSchema = z
  .strictObject({
    ...needFields,
    /** Largest share of the weighted need one member may take, in (0, 1] (default 0.6). */
    maxShare: z.number().optional(),
    maxMembers: z.number().int().optional(),
    /** List backup partners per cell (default true). */
    backups: z.boolean().default(true),
    /** Backups listed per cell (default 2, at most 10). */
    backupsPerCell: z.number().int().optional(),
  })
  .meta({ id: 'TeamRequest' });
export type TeamRequest = z.input<typeof TeamRequestSchema>;

export const TeamMemberSchema = z
  .object({
    org: OrgSummarySchema,
    /** Cell indexes this member takes. */
    cells: z.array(z.number().int()),
    /** Share of the weighted need, in [0, 1]. */
    share: z.number(),
  })
  .meta({ id: 'TeamMember' });
export type TeamMemberDto = z.infer<typeof TeamMemberSchema>;

export const TeamResponseSchema = z
  .object({
    /** Ordered by the first cell each member takes. */
    members: z.array(TeamMemberSchema),
    /** Cell indexes no member takes. */
    uncovered: z.array(z.number().int()),
    /** Cell index (as a string key) -> other partners that can serve it, strongest first. */
    backups: z.record(z.string(), z.array(OrgSummarySchema)),
    /** Weighted strength of the covered cells minus a cost per member (higher is better). */
    objective: z.number(),
    /** Largest member share of the weighted need. */
    maxShareUsed: z.number(),
    /** true when a member exceeds maxShare because no team with this coverage avoids it. */
    shareCapRelaxed: z.boolean(),
  })
  .meta({ id: 'TeamResponse' });
export type TeamResponseDto = z.infer<typeof TeamResponseSchema>;

export const ComplementsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ComplementsResponseSchema = z
  .object({
    /**
     * The organization's gaps as need cells: solution areas and services its profile shows no
     * evidence of, in the countries it serves (headquarters first; at most 100 cells).
     */
    gaps: z.array(NeedCellSchema),
    /** Partners that fill the gaps, best first; `covers` indexes `gaps`. */
    results: z.array(MatchResultSchema),
    total: z.number().int(),
  })
  .meta({ id: 'ComplementsResponse' });
export type ComplementsResponseDto = z.infer<typeof ComplementsResponseSchema>;
