// The fee ledger API: list (per partnership), invoice / pay, disputes with a thread.
import type { z } from 'zod';
import { FeeListSchema, FeeSchema, type ResolutionDto } from '@contract/fees.contract.ts';
import { call } from '../../../lib/api-client.ts';

const seg = encodeURIComponent;

export type Fee = z.output<typeof FeeSchema>;
export type FeeLedger = z.output<typeof FeeListSchema>;
export type Resolution = ResolutionDto;

export const listFees = async (filter: { partnershipId?: string; currency?: string } = {}) => {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') query.set(k, v);
  return (await call('GET', '/fees', FeeListSchema, { query })).data;
};

export const actOnFee = async (id: string, action: 'invoice' | 'pay') =>
  (await call('POST', `/fees/${seg(id)}/${action}`, FeeSchema)).data;

export const openDispute = async (feeId: string, reason: string) =>
  (await call('POST', `/fees/${seg(feeId)}/disputes`, FeeSchema, { body: { reason } })).data;

export const addDisputeMessage = async (disputeId: string, text: string) =>
  (await call('POST', `/disputes/${seg(disputeId)}/messages`, FeeSchema, { body: { text } })).data;

export const proposeResolution = async (disputeId: string, resolution: Resolution) =>
  (await call('POST', `/disputes/${seg(disputeId)}/resolve`, FeeSchema, { body: { resolution } }))
    .data;
