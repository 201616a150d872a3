// The deal contracts repeat the domain's value lists (the web app imports only src/contract);
// these checks fail to compile, and fail at run time, if the two drift apart.
import { describe, expect, it } from 'vitest';
import { ARRANGEMENT_TYPE_VALUES } from '../src/contract/agreements.contract.ts';
import { OPPORTUNITY_VISIBILITY_VALUES } from '../src/contract/opportunities.contract.ts';
import { PARTNERSHIP_STATUS_VALUES } from '../src/contract/partnerships.contract.ts';
import {
  PARTNER_ROLE_VALUES,
  REFERRAL_STATUS_VALUES,
  REFERRAL_SUBSTATUS_VALUES,
  SALES_STAGE_VALUES,
} from '../src/contract/referrals.contract.ts';
import { ARRANGEMENT_TYPES } from '../src/domain/deals/agreement.ts';
import { OPPORTUNITY_VISIBILITIES } from '../src/domain/deals/opportunity.ts';
import { PARTNERSHIP_STATUSES } from '../src/domain/deals/partnership.ts';
import { PARTNER_ROLES } from '../src/domain/deals/referral.ts';
import { SALES_STAGES } from '../src/domain/deals/referral-rules.ts';
import { REFERRAL_STATUSES, REFERRAL_SUBSTATUSES } from '../src/domain/deals/referral-state.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Same<A, B>) => ok;

describe('deal contracts match the domain', () => {
  it('lists the same values, in the same order', () => {
    same<(typeof ARRANGEMENT_TYPE_VALUES)[number], (typeof ARRANGEMENT_TYPES)[number]>(true);
    same<(typeof OPPORTUNITY_VISIBILITY_VALUES)[number], (typeof OPPORTUNITY_VISIBILITIES)[number]>(
      true,
    );
    same<(typeof PARTNERSHIP_STATUS_VALUES)[number], (typeof PARTNERSHIP_STATUSES)[number]>(true);
    same<(typeof PARTNER_ROLE_VALUES)[number], (typeof PARTNER_ROLES)[number]>(true);
    same<(typeof REFERRAL_STATUS_VALUES)[number], (typeof REFERRAL_STATUSES)[number]>(true);
    same<(typeof REFERRAL_SUBSTATUS_VALUES)[number], (typeof REFERRAL_SUBSTATUSES)[number]>(true);
    same<(typeof SALES_STAGE_VALUES)[number], (typeof SALES_STAGES)[number]>(true);
    expect([
      ARRANGEMENT_TYPE_VALUES,
      OPPORTUNITY_VISIBILITY_VALUES,
      PARTNERSHIP_STATUS_VALUES,
      PARTNER_ROLE_VALUES,
      REFERRAL_STATUS_VALUES,
      REFERRAL_SUBSTATUS_VALUES,
      SALES_STAGE_VALUES,
    ]).toEqual([
      ARRANGEMENT_TYPES,
      OPPORTUNITY_VISIBILITIES,
      PARTNERSHIP_STATUSES,
      PARTNER_ROLES,
      REFERRAL_STATUSES,
      REFERRAL_SUBSTATUSES,
      SALES_STAGES,
    ]);
  });
});
