import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import {
  checkDeparture,
  checkInvite,
  decideInvitation,
  sharesCircle,
  type Circle,
  type CircleInvitation,
  type CircleMember,
} from './circle.ts';
import { canSee, type Opportunity } from './opportunity.ts';

const circle: Circle = { id: 'c1', name: 'C', description: '', ownerOrgId: 'own', createdAt: '' };
const members: CircleMember[] = [
  { orgId: 'own', role: 'owner', joinedAt: '' },
  { orgId: 'm1', role: 'member', joinedAt: '' },
];
const inv: CircleInvitation = {
  id: 'i1',
  circleId: 'c1',
  orgId: 'x',
  invitedByOrgId: 'own',
  status: 'pending',
  createdAt: '',
  decidedAt: null,
  version: 1,
};
const now = new Date('2030-01-01T00:00:00Z');
const codeOf = (e: AppError | null | CircleInvitation) => (e instanceof AppError ? e.code : null);

describe('circle rules', () => {
  it('lets only the owner invite, and not members or orgs already invited', () => {
    expect(checkInvite(circle, members, [], 'own', 'x')).toBeNull();
    expect(codeOf(checkInvite(circle, members, [], 'm1', 'x'))).toBe('forbidden');
    expect(codeOf(checkInvite(circle, members, [], 'own', 'm1'))).toBe('conflict');
    expect(codeOf(checkInvite(circle, members, [inv], 'own', 'x'))).toBe('conflict');
  });

  it('lets the invited org accept or decline and the owner revoke, once', () => {
    expect(decideInvitation(circle, inv, 'accept', 'x', now)).toMatchObject({
      status: 'accepted',
      version: 2,
    });
    expect(codeOf(decideInvitation(circle, inv, 'accept', 'own', now))).toBe('forbidden');
    expect(codeOf(decideInvitation(circle, inv, 'revoke', 'x', now))).toBe('forbidden');
    expect(decideInvitation(circle, inv, 'revoke', 'own', now)).toMatchObject({
      status: 'revoked',
    });
    const done = { ...inv, status: 'declined' as const };
    const again = decideInvitation(circle, done, 'accept', 'x', now);
    expect(codeOf(again)).toBe('conflict');
    expect(again instanceof AppError && again.message).toMatch(/declined/);
  });

  it('lets members leave and the owner remove, but never the owner go', () => {
    expect(checkDeparture(circle, members, 'm1', 'm1')).toBeNull();
    expect(checkDeparture(circle, members, 'own', 'm1')).toBeNull();
    expect(codeOf(checkDeparture(circle, members, 'own', 'own'))).toBe('conflict');
    expect(codeOf(checkDeparture(circle, members, 'm1', 'own'))).toBe('forbidden');
    expect(codeOf(checkDeparture(circle, members, 'own', 'gone'))).toBe('not_found');
  });

  it('shows circle opportunities to members while the owner is one, never to competitors', () => {
    const roster = new Map([['c1', new Set(['own', 'm1', 'rival'])]]);
    const o = {
      ownerOrgId: 'own',
      visibility: 'circle',
      circleId: 'c1',
      selectedOrgIds: [],
      competitorOrgIds: ['rival'],
    } as unknown as Opportunity;
    expect(canSee(o, 'm1', roster)).toBe(true);
    expect(canSee(o, 'rival', roster)).toBe(false);
    expect(canSee(o, 'outsider', roster)).toBe(false);
    expect(canSee(o, 'm1')).toBe(false);
    expect(sharesCircle(new Map([['c1', new Set(['m1'])]]), 'c1', 'm1', 'own')).toBe(false);
    expect(sharesCircle(roster, null, 'm1', 'own')).toBe(false);
  });
});
