// Applies a PATCH-like request ({ status, substatus, statusReason?, stage?, value? }) to a
// referral on behalf of one side, at `now`. Illegal moves come back as AppErrors naming the
// allowed ones: conflict (not from this state), forbidden (not by this side), validation (fields).
import { AppError, type FieldIssue } from '../shared/errors.ts';
import type { Money } from '../profile/profile.ts';
import { checkMoney, toAmount } from './money.ts';
import {
  ACTIVE_STAGES,
  meetsRegistrationWindow,
  PARTNER_CENTER_REFERRAL_RULES,
  type ReferralRules,
  type SalesStage,
} from './referral-rules.ts';
import {
  isCloseAsErrorReason,
  isExpired,
  SUBSTATUSES_OF,
  type Actor,
  type ReferralState,
  type ReferralStatus,
  type ReferralSubstatus,
  type Side,
} from './referral-state.ts';
import {
  describeRules,
  findRule,
  rulesFrom,
  type TransitionKind,
  type TransitionRule,
} from './referral-transitions.ts';

export interface TransitionRequest {
  status: ReferralStatus;
  substatus: ReferralSubstatus;
  statusReason?: string;
  stage?: SalesStage;
  value?: Money;
}

export type TransitionResult =
  { ok: true; kind: TransitionKind; state: ReferralState } | { ok: false; error: AppError };

const fail = (error: AppError): TransitionResult => ({ ok: false, error });

/** What the request asks for, from the current status; null when status and substatus do not match. */
export function classify(from: ReferralStatus, req: TransitionRequest): TransitionKind | null {
  if (!SUBSTATUSES_OF[req.status].includes(req.substatus)) return null;
  switch (req.substatus) {
    case 'Pending':
    case 'Received':
      return 'update';
    case 'Accepted':
      return from === 'New' ? 'accept' : 'update';
    case 'Declined':
      return 'decline';
    case 'Won':
      return 'win';
    case 'Lost':
      return isCloseAsErrorReason(req.statusReason) ? 'close-as-error' : 'lose';
    case 'Expired':
      return 'expire';
  }
}

function mismatch(req: TransitionRequest): AppError {
  const allowed = SUBSTATUSES_OF[req.status].join(', ');
  return new AppError(
    'validation',
    `Substatus ${req.substatus} does not belong to status ${req.status}`,
    [{ path: 'substatus', message: `With status ${req.status}, substatus is one of: ${allowed}` }],
  );
}

/** Table checks: the move exists from this status, this actor may make it, and the referral has not lapsed. */
function authorize(
  current: ReferralState,
  to: ReferralStatus,
  kind: TransitionKind,
  actor: Actor,
  now: Date,
): TransitionRule | AppError {
  const from = rulesFrom(current.status);
  const rule = findRule(current.status, to, kind);
  if (rule === undefined) {
    const what =
      current.status === 'Closed'
        ? 'Closed referrals are read-only'
        : `Not allowed from ${current.status}`;
    return new AppError('conflict', what, describeRules(from));
  }
  if (!rule.by.includes(actor)) {
    const own = from.filter((r) => r.by.includes(actor));
    return new AppError(
      'forbidden',
      `The ${actor} may not ${rule.note.split(';')[0] ?? kind}`,
      describeRules(own),
    );
  }
  const lapsed = isExpired(current, now) && kind !== 'expire' && kind !== 'close-as-error';
  if (lapsed) {
    const left = from.filter((r) => r.kind === 'expire' || r.kind === 'close-as-error');
    return new AppError(
      'conflict',
      `Expired unanswered at ${current.expiresAt}`,
      describeRules(left),
    );
  }
  return rule;
}

function settableStages(kind: TransitionKind, current: ReferralState): readonly SalesStage[] {
  if (kind === 'win') return ['Won'];
  if (kind === 'accept' || (kind === 'update' && current.status === 'Active')) return ACTIVE_STAGES;
  if (kind === 'update') return ['Created'];
  return [];
}

function stageFor(
  kind: TransitionKind,
  current: ReferralState,
  req: TransitionRequest,
): SalesStage | FieldIssue {
  if (req.stage === undefined) {
    return kind === 'win' ? 'Won' : kind === 'accept' ? 'Accepted' : current.stage;
  }
  const allowed = settableStages(kind, current);
  if (allowed.includes(req.stage)) return req.stage;
  const message =
    allowed.length === 0
      ? 'Cannot be set on this transition'
      : `Must be one of: ${allowed.join(', ')}`;
  return { path: 'stage', message };
}

function fieldIssues(kind: TransitionKind, req: TransitionRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const reason = req.statusReason?.trim() ?? '';
  if (kind === 'decline' && reason === '') {
    issues.push({ path: 'statusReason', message: 'A reason is required to decline a referral' });
  }
  const valueAllowed = kind === 'update' || kind === 'accept' || kind === 'win';
  if (req.value !== undefined && !valueAllowed) {
    issues.push({ path: 'value', message: 'Cannot be set on this transition' });
  } else if (req.value !== undefined) {
    issues.push(...checkMoney(req.value, 'value'));
  } else if (kind === 'win') {
    issues.push({
      path: 'value',
      message: 'The realised value is required to mark a referral Won',
    });
  }
  return issues;
}

function apply(
  current: ReferralState,
  rule: TransitionRule,
  req: TransitionRequest,
  stage: SalesStage,
  now: Date,
  rules: ReferralRules,
): ReferralState {
  const at = now.toISOString();
  const reason = req.statusReason?.trim();
  const next: ReferralState = {
    ...current,
    status: rule.to,
    substatus: rule.substatus,
    // An update may leave the reason as it was; a change of status states its own (or none).
    statusReason: rule.kind === 'update' ? (reason ?? current.statusReason) : reason || null,
    stage,
    value: req.value === undefined ? current.value : toAmount(req.value),
  };
  if (rule.kind === 'accept') next.acceptedAt = at;
  if (next.status === 'Closed') next.closedAt = at;
  if (rule.kind === 'win' && !meetsRegistrationWindow(current.createdAt, now, rules)) {
    next.flags = [...current.flags, 'won-within-registration-window'];
  }
  return next;
}

/** Moves a referral on behalf of `side`; `now` is the time of the request. */
export function transition(
  current: ReferralState,
  req: TransitionRequest,
  side: Side,
  now: Date,
  rules: ReferralRules = PARTNER_CENTER_REFERRAL_RULES,
): TransitionResult {
  return run(current, req, side, now, rules);
}

function run(
  current: ReferralState,
  req: TransitionRequest,
  actor: Actor,
  now: Date,
  rules: ReferralRules,
): TransitionResult {
  const kind = classify(current.status, req);
  if (kind === null) return fail(mismatch(req));
  const rule = authorize(current, req.status, kind, actor, now);
  if (rule instanceof AppError) return fail(rule);
  const stage = stageFor(kind, current, req);
  const issues = fieldIssues(kind, req);
  if (typeof stage !== 'string') issues.push(stage);
  if (issues.length > 0 || typeof stage !== 'string')
    return fail(new AppError('validation', 'Invalid referral change', issues));
  return { ok: true, kind, state: apply(current, rule, req, stage, now, rules) };
}

/** The expiry job's move: New and past `expiresAt` -> Closed/Expired. Safe to call twice (second is a conflict). */
export function expire(current: ReferralState, now: Date): TransitionResult {
  if (current.status === 'New' && !isExpired(current, now)) {
    return fail(new AppError('conflict', `Not expired before ${current.expiresAt}`));
  }
  const req: TransitionRequest = {
    status: 'Closed',
    substatus: 'Expired',
    statusReason: 'No answer within the response window',
  };
  return run(current, req, 'system', now, PARTNER_CENTER_REFERRAL_RULES);
}
