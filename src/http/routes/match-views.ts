// Matching results -> the API's shapes.
import type {
  MatchResponseDto,
  NeedCellDto,
  TeamResponseDto,
} from '../../contract/matching.contract.ts';
import type { NeedCell } from '../../domain/matching/need.ts';
import type { MatchOutcome, TeamOutcome } from '../../services/matching.service.ts';
import { toOrgSummary } from './org-views.ts';

export function toMatchResponse(out: MatchOutcome): MatchResponseDto {
  return {
    results: out.results.map((r) => ({
      org: toOrgSummary(r.org),
      score: r.score,
      covers: r.covers,
      reasons: r.reasons.map((x) => ({
        factor: x.factor,
        value: x.value,
        weight: x.weight,
        points: x.points,
        text: x.text,
      })),
    })),
    total: out.total,
    uncovered: out.uncovered,
  };
}

export function toTeamResponse(out: TeamOutcome): TeamResponseDto {
  return {
    members: out.members.map((m) => ({ org: toOrgSummary(m.org), cells: m.cells, share: m.share })),
    uncovered: out.uncovered,
    backups: Object.fromEntries(
      Object.entries(out.backups).map(([cell, orgs]) => [cell, orgs.map(toOrgSummary)]),
    ),
    objective: out.objective,
    maxShareUsed: out.maxShareUsed,
    shareCapRelaxed: out.shareCapRelaxed,
  };
}

export function toGapCell(cell: NeedCell): NeedCellDto {
  return { [cell.kind]: cell.code, country: cell.country, weight: cell.weight };
}
