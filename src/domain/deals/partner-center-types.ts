// A Partner Center referral (engagements/referrals) as JSON, with Microsoft's field names
// (shared/domain/microsoft.md §2), including its misspelt `consentToToShareInfoWithOthers`.
// Optional fields are `?: T | undefined` so a zod-parsed body is assignable as it is.
import type { ReferralStatus, ReferralSubstatus } from './referral-state.ts';

export const PC_REFERRAL_TYPES = ['Independent', 'Shared'] as const;
export type PcReferralType = (typeof PC_REFERRAL_TYPES)[number];

export const PC_QUALIFICATIONS = [
  'None',
  'Direct',
  'MarketingQualified',
  'SalesQualified',
] as const;
export type PcQualification = (typeof PC_QUALIFICATIONS)[number];

export interface PcTeamMember {
  firstName: string;
  lastName: string;
  phoneNumber?: string | undefined;
  email: string;
}

export interface PcAddress {
  addressLine1?: string | undefined;
  addressLine2?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
  /** ISO 3166-1 alpha-2 */
  country: string;
  region?: string | undefined;
}

export interface PcCustomerProfile {
  name: string;
  address?: PcAddress | undefined;
  size?: string | undefined;
  team?: PcTeamMember[] | undefined;
  ids?: { duns?: string | undefined; external?: string | undefined } | undefined;
}

export interface PcRequirements {
  industries?: string[] | undefined;
  products?: string[] | undefined;
  services?: string[] | undefined;
  solutions?: string[] | undefined;
}

export interface PcDetails {
  notes?: string | undefined;
  /** Major units (e.g. 50000.5 EUR), as Partner Center sends it. */
  dealValue: number;
  currency: string;
  closingDateTime: string;
  requirements?: PcRequirements | undefined;
}

export interface PcReferral {
  id?: string | undefined;
  engagementId?: string | undefined;
  name: string;
  externalReferenceId?: string | undefined;
  createdDateTime?: string | undefined;
  updatedDateTime?: string | undefined;
  expirationDateTime?: string | undefined;
  acceptedDateTime?: string | null | undefined;
  status: ReferralStatus;
  substatus: ReferralSubstatus;
  statusReason?: string | null | undefined;
  type: PcReferralType;
  qualification: PcQualification;
  customerProfile: PcCustomerProfile;
  consent: { consentToToShareInfoWithOthers: boolean; consentToContact: boolean };
  details: PcDetails;
  team?: PcTeamMember[] | undefined;
  inviteContext?:
    | {
        notes?: string | undefined;
        invitedBy?: { organizationId: string; organizationName: string } | undefined;
      }
    | undefined;
  target?: { type: string; id: string }[] | undefined;
  eTag?: string | undefined;
}

/** How Circles names the invited partner in `target[]`. */
export const PC_TARGET_TYPE = 'Organization';
