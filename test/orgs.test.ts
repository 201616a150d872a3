// The partner profile over HTTP: read, edit with If-Match, validation, authorization, audit, index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';
import { joinAs } from './support/identity-helpers.ts';

const FULL_PATCH = {
  name: 'Fjord Cloud Partners AS',
  website: 'https://www.fjordcloud.co.uk/about',
  hqCountry: 'NO',
  countries: ['NO', 'SE', 'DK'],
  languages: ['no', 'sv', 'en'],
  partnerTypes: ['MSP', 'SI'],
  services: ['ManagedServices', 'DeploymentOrMigration'],
  products: ['Azure', 'Microsoft365'],
  industries: ['Healthcare'],
  customerSizes: ['51to250employees'],
  solutionAreas: ['Security', 'Infrastructure'],
  designations: ['SP-Security', 'SP-Infrastructure'],
  specializations: ['ThreatProtection', 'InfraDatabaseMigration'],
  skills: ['Sentinel', 'Azure Landing Zones'],
  employeeBand: '50-249',
  foundedYear: 2011,
  description: 'Managed security and Azure migrations for Nordic healthcare.',
  teaming: { open: true, seeks: 'Dynamics 365 Finance partners in Germany' },
  capacity: { availableConsultants: 4, bench: 2 },
  rateCard: [{ role: 'Cloud architect', dayRate: { amount: 1_250_00, currency: 'NOK' } }],
  offices: [{ country: 'NO', city: 'Oslo' }, { country: 'SE', city: 'Stockholm', address: 'Kungsgatan 1' }],
};

describe.each(STORE_KINDS)('org profile on %s', (kind) => {
  describe.skipIf(!storeAvailable(kind))('', () => {
    let t: TestApp;
    let owner: SignedUp;
    let other: SignedUp;

    beforeAll(async () => {
      t = await createTestApp(kind);
      owner = await t.signup('owner@fjord.example', 'Fjord');
      other = await t.signup('owner@elsewhere.example', 'Elsewhere');
    });
    afterAll(async () => t.close());

    const get = (who: SignedUp, id: string) => t.as(who.token, { method: 'GET', url: `/api/v1/orgs/${id}` });
    const patch = (who: SignedUp, id: string, body: unknown, ifMatch?: string) =>
      t.as(who.token, {
        method: 'PATCH',
        url: `/api/v1/orgs/${id}`,
        payload: body as Record<string, unknown>,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });

    it('returns the profile with an ETag, to any signed-in org', async () => {
      const res = await get(other, owner.organization.id);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.json()).toMatchObject({ id: owner.organization.id, name: 'Fjord', hqCountry: 'DE', version: 1 });
    });

    it('requires authentication and answers unknown ids with 404', async () => {
      expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${owner.organization.id}` }), 401);
      expectProblem(await get(owner, 'no-such-org'), 404);
    });

    it('lets an admin edit every field, derives the registrable domain, bumps the ETag and audits', async () => {
      const res = await patch(owner, owner.organization.id, FULL_PATCH, '"1"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      const org = res.json<typeof FULL_PATCH & { domain: string; version: number }>();
      expect(org).toMatchObject({ ...FULL_PATCH, domain: 'fjordcloud.co.uk', version: 2 });
      const reread = (await get(other, owner.organization.id)).json<typeof FULL_PATCH>();
      expect(reread.offices).toEqual(FULL_PATCH.offices);
      expect(reread.rateCard).toEqual(FULL_PATCH.rateCard);
      const audit = await t.as(owner.token, { method: 'GET', url: '/api/v1/audit?action=org.profile_updated' });
      expect(audit.json<{ entries: { action: string; targetId: string }[] }>().entries[0]).toMatchObject({
        action: 'org.profile_updated',
        targetId: owner.organization.id,
      });
    });

    it('makes the edit searchable at once', async () => {
      const res = await t.as(other.token, { method: 'GET', url: '/api/v1/orgs?q=fjord&country=SE&service=ManagedServices' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([owner.organization.id]);
    });

    it('refuses a stale ETag with 412 and a missing one with 428, changing nothing', async () => {
      expectProblem(await patch(owner, owner.organization.id, { description: 'stale' }, '"1"'), 412);
      expectProblem(await patch(owner, owner.organization.id, { description: 'none' }), 428);
      expectProblem(await patch(owner, owner.organization.id, { description: 'bad' }, 'garbage'), 400);
      expect((await get(owner, owner.organization.id)).json<{ description: string }>().description).toBe(
        FULL_PATCH.description,
      );
    });

    it('rejects unknown codes with the list of valid ones, naming each field', async () => {
      const res = await patch(
        owner,
        owner.organization.id,
        { services: ['ManagedServices', 'Astrology'], countries: ['XX'], employeeBand: 'huge' },
        '"2"',
      );
      const body = expectProblem(res, 400);
      const paths = body.errors.map((e) => e.path).sort();
      expect(paths).toEqual(['countries[0]', 'employeeBand', 'services[1]']);
      expect(body.errors.find((e) => e.path === 'services[1]')?.message).toContain('ManagedServices');
    });

    it('rejects wrong types, unknown fields, too-long text and more than 5 offices per country', async () => {
      const wrong = expectProblem(await patch(owner, owner.organization.id, { foundedYear: 'old', hack: 1 }, '"2"'), 400);
      expect(wrong.errors.map((e) => e.path).join(' ')).toMatch(/body/);
      expectProblem(await patch(owner, owner.organization.id, { description: 'x'.repeat(2501) }, '"2"'), 400);
      const offices = Array.from({ length: 6 }, (_, i) => ({ country: 'NO', city: `City ${i}` }));
      const many = expectProblem(await patch(owner, owner.organization.id, { offices }, '"2"'), 400);
      expect(many.errors[0]?.path).toBe('offices[5]');
      const spec = expectProblem(
        await patch(owner, owner.organization.id, { designations: [], specializations: ['ThreatProtection'] }, '"2"'),
        400,
      );
      expect(spec.errors[0]?.message).toContain('SP-Security');
    });

    it('answers malformed JSON and oversized bodies with problem+json', async () => {
      const malformed = await t.as(owner.token, {
        method: 'PATCH',
        url: `/api/v1/orgs/${owner.organization.id}`,
        headers: { 'content-type': 'application/json', 'if-match': '"2"' },
        payload: '{"name": ',
      });
      expectProblem(malformed, 400);
      const huge = await t.as(owner.token, {
        method: 'PATCH',
        url: `/api/v1/orgs/${owner.organization.id}`,
        headers: { 'content-type': 'application/json', 'if-match': '"2"' },
        payload: JSON.stringify({ description: 'x'.repeat(1024 * 1024 + 10) }),
      });
      expectProblem(huge, 413);
    });

    it('stores hostile strings verbatim as data', async () => {
      const hostile = `<script>alert(1)</script>'; DROP TABLE orgs; --`;
      const res = await patch(owner, owner.organization.id, { description: hostile }, '"2"');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ description: string }>().description).toBe(hostile);
    });

    it('forbids editing another org and editing as a plain member', async () => {
      expectProblem(await patch(other, owner.organization.id, { description: 'mine now' }, '"3"'), 403);
      const member = await joinAs(t, owner, 'member');
      expectProblem(await patch(member, owner.organization.id, { description: 'member edit' }, '"3"'), 403);
      const admin = await joinAs(t, owner, 'admin');
      expect((await patch(admin, owner.organization.id, { description: 'admin edit' }, '"3"')).statusCode).toBe(200);
    });
  });
});
