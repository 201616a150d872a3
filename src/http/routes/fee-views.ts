// Stored fees and disputes -> the API's shapes, as one party sees them.
import type { DisputeDto, FeeDto } from '../../contract/fees.contract.ts';
import type { StoredDispute, StoredFee } from '../../services/fees.service.ts';

export function toDisputeDto(d: StoredDispute): DisputeDto {
  return {
    id: d.id,
    feeId: d.feeId,
    status: d.resolvedAt === null ? 'open' : 'resolved',
    openedByOrgId: d.openedByOrgId,
    openedAt: d.openedAt,
    reason: d.reason,
    messages: d.messages.map((m) => ({ orgId: m.orgId, at: m.at, text: m.text })),
    proposals: Object.entries(d.proposals).map(([orgId, resolution]) => ({ orgId, resolution })),
    resolvedAt: d.resolvedAt,
    resolution: d.resolution,
  };
}

const money = (m: { amount: number; currency: string }) => ({
  amount: m.amount,
  currency: m.currency,
});

export function toFeeDto(f: StoredFee, orgId: string): FeeDto {
  const role = orgId === f.payeeOrgId ? 'payee' : 'payer';
  const c = f.calculation;
  return {
    id: f.id,
    referralId: f.referralId,
    partnershipId: f.partnershipId,
    agreementId: f.agreementId,
    agreementVersion: f.agreementVersion,
    payerOrgId: f.payerOrgId,
    payeeOrgId: f.payeeOrgId,
    role,
    direction: role === 'payee' ? 'receivable' : 'payable',
    amount: money(f.amount),
    status: f.status,
    paymentDays: f.paymentDays,
    dueSince: f.dueSince,
    invoicedAt: f.invoicedAt,
    paymentDueAt: f.paymentDueAt,
    paidAt: f.paidAt,
    flags: [...f.flags],
    calculation: {
      basis: c.basis,
      rate: c.rate,
      realised: money(c.realised),
      fxDate: c.fxDate,
      amount: money(c.amount),
    },
    dispute: f.dispute === null ? null : toDisputeDto(f.dispute),
    version: f.version,
  };
}
