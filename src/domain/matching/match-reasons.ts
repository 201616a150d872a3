// Explanations: one reason per factor, in factor order, each with the exact points it adds.
// Built from the values scoreInto left in the context, so reasons and score cannot disagree.
import { VOCABULARIES, type VocabularyName } from '../taxonomy/vocabularies.ts';
import { evidenceBasis, evidenceSource } from './capability-evidence.ts';
import { F, FACTORS, type Factor, type FactorWeight, type Points } from './factors.ts';
import type { MatchContext, MatchOrg, MatchSignals } from './match-context.ts';
import { CELL_VOCABULARY } from './need.ts';
import { REACH } from './regions.ts';

export interface Reason {
  factor: Factor;
  /** In [0, 1]: how far the candidate meets this factor. */
  value: number;
  weight: FactorWeight;
  /** value x weight, exactly. */
  points: Points;
  text: string;
}

const labels = new Map<VocabularyName, Map<string, string>>();

export function labelOf(vocabulary: VocabularyName, code: string): string {
  let map = labels.get(vocabulary);
  if (map === undefined) {
    map = new Map(VOCABULARIES[vocabulary].map((e) => [e.code, e.label]));
    labels.set(vocabulary, map);
  }
  return map.get(code) ?? code;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const MAX_LISTED = 5;

function listed(items: readonly string[]): string {
  const head = items.slice(0, MAX_LISTED).join('; ');
  return items.length > MAX_LISTED ? `${head}; and ${items.length - MAX_LISTED} more` : head;
}

/** Reasons for the candidate last scored with scoreInto(ctx, org, signals). */
export function explain(ctx: MatchContext, org: MatchOrg, signals?: MatchSignals): Reason[] {
  return FACTORS.map((factor, i) => {
    const value = ctx.values[i]!;
    const weight = ctx.weights[i]! as FactorWeight;
    return {
      factor,
      value,
      weight,
      points: (value * weight) as Points,
      text: textOf(factor, ctx, org, signals),
    };
  });
}

function textOf(factor: Factor, ctx: MatchContext, org: MatchOrg, signals?: MatchSignals): string {
  const { need } = ctx;
  switch (factor) {
    case 'capability':
      return capabilityText(ctx, org);
    case 'geography':
      return geographyText(ctx);
    case 'language':
      return asked(need.language, (l) => listsText(org.languages, l, 'Works in', 'languages'));
    case 'industry':
      return asked(need.industry, (x) => listsText(org.industries, x, 'Serves', 'industries'));
    case 'customerSize':
      return asked(need.customerSize, (s) =>
        sizeText(ctx.values[F.customerSize]!, labelOf('customerSizes', s)),
      );
    case 'capacity':
      return (
        `${org.capacity.availableConsultants} consultants available` +
        (need.minCapacity === undefined ? '' : ` (${need.minCapacity} asked)`)
      );
    case 'teaming':
      return org.teaming.open ? 'Open to teaming' : 'Not marked as open to teaming';
    case 'responsiveness':
    case 'partnership':
    case 'trust':
      return signalText(factor, ctx, signals);
    case 'complementarity':
      return complementarityText(ctx);
  }
}

function listsText(list: readonly string[], code: string, yes: string, vocabulary: VocabularyName) {
  return `${list.includes(code) ? yes : 'Does not list'} ${labelOf(vocabulary, code)}`;
}

function signalText(
  factor: 'responsiveness' | 'partnership' | 'trust',
  ctx: MatchContext,
  signals?: MatchSignals,
): string {
  switch (factor) {
    case 'responsiveness':
      return signals?.responsiveness === undefined
        ? 'No referral history yet (neutral)'
        : `Answers referrals: ${pct(ctx.values[F.responsiveness]!)}`;
    case 'partnership':
      if (ctx.requesterId === null) return 'No requester organization';
      return signals?.partneredWithRequester === true
        ? 'Already partners with you'
        : 'Not yet partnered with you';
    case 'trust':
      return signals?.trust === undefined
        ? 'No trust record yet (neutral)'
        : `Trust ${pct(ctx.values[F.trust]!)}`;
  }
}

function asked(x: string | undefined, say: (x: string) => string): string {
  return x === undefined ? 'Not asked' : say(x);
}

function sizeText(value: number, label: string): string {
  if (value === 1) return `Serves customers of ${label}`;
  return value > 0
    ? `Serves customers next to ${label} in size`
    : `Does not list customers of ${label}`;
}

function cellLabel(ctx: MatchContext, c: number): string {
  const cell = ctx.need.cells[c]!;
  return `${labelOf(CELL_VOCABULARY[cell.kind], cell.code)} in ${cell.country}`;
}

function capabilityText(ctx: MatchContext, org: MatchOrg): string {
  const parts: string[] = [];
  let counted = 0;
  for (let c = 0; c < ctx.cap.length; c++) {
    if (ctx.cap[c] === 0) continue;
    const plan = ctx.plans[c]!;
    const source = evidenceSource(plan, org, evidenceBasis(plan, org));
    const reached = ctx.reach[c]! > 0;
    if (reached) counted++;
    const where =
      ctx.reach[c] === REACH.served
        ? ''
        : reached
          ? ' (half: neighbouring country)'
          : ' (not counted: out of reach)';
    parts.push(`${cellLabel(ctx, c)}: ${source}${where}`);
  }
  const n = ctx.cap.length;
  if (parts.length === 0) return `No evidence for any of the ${n} cells`;
  return `Evidence for ${counted} of ${n} cells: ${listed(parts)}`;
}

function geographyText(ctx: MatchContext): string {
  const served: string[] = [];
  const near: string[] = [];
  for (let c = 0; c < ctx.reach.length; c++) {
    if (ctx.cap[c] === 0) continue;
    const country = ctx.need.cells[c]!.country;
    const list = ctx.reach[c] === REACH.served ? served : ctx.reach[c]! > 0 ? near : null;
    if (list !== null && !list.includes(country)) list.push(country);
  }
  const parts: string[] = [];
  if (served.length > 0) parts.push(`Serves ${served.join(', ')}`);
  if (near.length > 0) parts.push(`serves the region of ${near.join(', ')}`);
  return parts.length > 0 ? listed(parts) : 'Reaches none of the countries of the cells it can do';
}

function complementarityText(ctx: MatchContext): string {
  if (ctx.requesterId === null) return 'No requester organization to compare with';
  const overlap = ctx.values[F.complementarity]!;
  if (overlap === 0) return 'Offers nothing you offer yourself: fills your gaps';
  return `${pct(overlap)} of its offering (services and solution areas x countries) duplicates yours`;
}
