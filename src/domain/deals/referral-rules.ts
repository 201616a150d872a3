// Partner Center's referral rules as versioned data (shared/domain/microsoft.md asks for rules as
// data with `version` and `effectiveFrom`, not constants): a referral keeps the expiry computed
// under the rules in force when it was created.

export const SALES_STAGES = [
  'Created',
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
  'Won',
] as const;
export type SalesStage = (typeof SALES_STAGES)[number];

/** Stages a party may set while a referral is Active; Created belongs to New, Won to Closed/Won. */
export const ACTIVE_STAGES: readonly SalesStage[] = [
  'Accepted',
  'Qualified',
  'Developed',
  'Proposed',
  'Negotiated',
];

export interface ReferralRules {
  version: string;
  effectiveFrom: string;
  /** A received referral not answered within this many days expires. */
  expiryDays: number;
  /** Deal registration: minimum hours between creation and Won (flagged, not refused). */
  registrationMinHours: number;
  /** Win probability per sales stage, in percent. */
  stagePercent: Readonly<Record<SalesStage, number>>;
}

export const PARTNER_CENTER_REFERRAL_RULES: ReferralRules = {
  version: '2026-11-01',
  effectiveFrom: '2026-11-01',
  expiryDays: 14,
  registrationMinHours: 72,
  stagePercent: {
    Created: 10,
    Accepted: 10,
    Qualified: 20,
    Developed: 40,
    Proposed: 60,
    Negotiated: 80,
    Won: 100,
  },
};

export const stagePercent = (
  stage: SalesStage,
  rules: ReferralRules = PARTNER_CENTER_REFERRAL_RULES,
): number => rules.stagePercent[stage];

const HOUR_MS = 3_600_000;

/** Whether a win came at least `registrationMinHours` after creation (Partner Center's 72 h rule). */
export function meetsRegistrationWindow(
  createdAt: string,
  wonAt: Date,
  rules: ReferralRules = PARTNER_CENTER_REFERRAL_RULES,
): boolean {
  return wonAt.getTime() - Date.parse(createdAt) >= rules.registrationMinHours * HOUR_MS;
}

export function expiryFrom(
  createdAt: Date,
  rules: ReferralRules = PARTNER_CENTER_REFERRAL_RULES,
): string {
  return new Date(createdAt.getTime() + rules.expiryDays * 24 * HOUR_MS).toISOString();
}
