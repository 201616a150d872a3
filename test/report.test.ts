// The association report over HTTP on both stores: counts, values in a reporting currency and
// cross-border shares of won referrals by month, country and solution area, computed in SQL from
// the roll-ups; cells from fewer than 5 organizations suppressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../src/db/repos/p2p-report.repo.ts';
import { createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface Cell {
  key: string;
  suppressed: boolean;
  count?: number;
  value?: { amount: number; currency: string };
  crossBorderShare?: number;
}
interface Report {
  groupBy: string;
  currency: string;
  fxDate: string;
  minOrgsPerCell: number;
  cells: Cell[];
  total: Cell;
}

const DAY = '2030-01-01'; // the test clock's day

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`P2P report (${kind})`, () => {
    let t: TestApp;
    let o: SignedUp[];

    const report = async (query: string, who: SignedUp | undefined = o[0]) => {
      const res = await get(t, who!, `/api/v1/reports/p2p?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Report>();
    };

    async function win(
      from: SignedUp,
      to: SignedUp,
      area: string,
      value: { amount: number; currency: string },
    ) {
      const opportunityId = await createOpportunity(t, from, {
        cells: [{ kind: 'solutionArea', code: area, country: 'DE' }],
      });
      const res = await post(t, from, '/api/v1/referrals', {
        opportunityId,
        toOrgId: to.organization.id,
        arrangementType: 'co-sell',
        estimatedCloseDate: '2030-03-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: string }>().id;
      for (const body of [
        { status: 'Active', substatus: 'Accepted' },
        { status: 'Closed', substatus: 'Won', value },
      ]) {
        const r = await t.as(to.token, {
          method: 'PATCH',
          url: `/api/v1/referrals/${id}`,
          payload: body,
          headers: { 'if-match': '*' },
        });
        expect(r.statusCode, r.body).toBe(200);
      }
    }

    beforeAll(async () => {
      t = await createTestApp(kind);
      o = [];
      for (let i = 0; i < 6; i++) o.push(await t.signup());
      for (const fr of [o[4]!, o[5]!]) {
        const res = await t.as(fr.token, {
          method: 'PATCH',
          url: `/api/v1/orgs/${fr.organization.id}`,
          payload: { hqCountry: 'FR' },
          headers: { 'if-match': '"1"' },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    });
    afterAll(async () => t.close());

    it('suppresses every cell while fewer than 5 organizations have won together', async () => {
      await partnerUp(t, o[0]!, o[1]!);
      await partnerUp(t, o[2]!, o[3]!);
      await win(o[0]!, o[1]!, 'ModernWork', { amount: 100_000, currency: 'EUR' });
      await win(o[2]!, o[3]!, 'ModernWork', { amount: 200_000, currency: 'EUR' });
      const r = await report(`groupBy=month&from=${DAY}&to=${DAY}`);
      expect(r.minOrgsPerCell).toBe(5);
      expect(r.cells).toEqual([{ key: '2030-01', suppressed: true }]);
      expect(r.total).toEqual({ key: 'total', suppressed: true });
    });

    it('shows counts, values and cross-border shares once 5 organizations are in a cell', async () => {
      await partnerUp(t, o[4]!, o[0]!);
      await partnerUp(t, o[5]!, o[1]!);
      await partnerUp(t, o[4]!, o[2]!);
      // 115.87 USD = 100.00 EUR at the shipped table's 1.1587
      await win(o[4]!, o[0]!, 'DataAI', { amount: 11_587, currency: 'USD' });
      await win(o[5]!, o[1]!, 'ModernWork', { amount: 300_000, currency: 'EUR' });
      await win(o[4]!, o[2]!, 'Security', { amount: 400_000, currency: 'EUR' });

      const month = await report(`groupBy=month&from=${DAY}&to=${DAY}`);
      expect(month.fxDate).toBe('2026-11-27');
      const all = {
        suppressed: false,
        count: 5,
        value: { amount: 1_010_000, currency: 'EUR' },
        crossBorderShare: 6000,
      };
      expect(month.cells).toEqual([{ key: '2030-01', ...all }]);
      expect(month.total).toEqual({ key: 'total', ...all });

      const country = await report(`groupBy=country&from=${DAY}&to=${DAY}`);
      expect(country.cells).toEqual([
        { key: 'DE', ...all },
        {
          key: 'FR',
          suppressed: false,
          count: 3,
          value: { amount: 710_000, currency: 'EUR' },
          crossBorderShare: 10_000,
        },
      ]);
      expect(country.total).toMatchObject({ count: 5 }); // a DE-FR deal counts once in the total

      const areas = await report(`groupBy=solutionArea&from=${DAY}&to=${DAY}`);
      expect(areas.cells).toEqual([
        { key: 'DataAI', suppressed: true }, // 2 organizations
        {
          key: 'ModernWork',
          suppressed: false,
          count: 3,
          value: { amount: 600_000, currency: 'EUR' },
          crossBorderShare: 3333,
        },
        { key: 'Security', suppressed: true },
      ]);

      const usd = await report(`groupBy=month&from=${DAY}&to=${DAY}&currency=USD`);
      expect(usd.total).toMatchObject({ value: { amount: 1_170_287, currency: 'USD' } });
    });

    it('keeps to the period, and rebuilding the roll-ups in SQL gives the same report', async () => {
      expect((await report('groupBy=month&from=2030-01-02&to=2030-12-31')).total).toEqual({
        key: 'total',
        suppressed: true,
      });
      expect((await report('groupBy=month&from=2029-01-01&to=2029-12-31')).cells).toEqual([]);
      const before = await Promise.all(
        ['month', 'country', 'solutionArea'].map((g) =>
          report(`groupBy=${g}&from=${DAY}&to=${DAY}`),
        ),
      );
      await t.store.db.transaction().execute((trx) => rebuildRollups(trx));
      const after = await Promise.all(
        ['month', 'country', 'solutionArea'].map((g) =>
          report(`groupBy=${g}&from=${DAY}&to=${DAY}`),
        ),
      );
      expect(after).toEqual(before);
    });

    it('flags referrals whose parties are in different countries as cross-border', async () => {
      const list = async (who: SignedUp) => {
        const res = await get(t, who, '/api/v1/referrals?direction=outgoing');
        return res.json<{ referrals: { crossBorder?: boolean }[] }>().referrals;
      };
      const fr = await list(o[4]!); // FR -> DE (twice)
      expect(fr.map((r) => r.crossBorder)).toEqual([true, true]);
      const de = await list(o[0]!); // DE -> DE, customer in DE
      expect(de.map((r) => r.crossBorder)).toEqual([false]);
    });

    it('is readable by any signed-in organization, not anonymously; bad queries are 400', async () => {
      const outsider = await t.signup();
      expect((await report(`groupBy=month&from=${DAY}&to=${DAY}`, outsider)).total).toMatchObject({
        count: 5,
      });
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/reports/p2p' }), 401);
      expectProblem(await get(t, outsider, '/api/v1/reports/p2p?groupBy=customer'), 400);
      expectProblem(await get(t, outsider, '/api/v1/reports/p2p?from=2030-13-01'), 400);
      expectProblem(
        await get(t, outsider, '/api/v1/reports/p2p?from=2030-02-01&to=2030-01-01'),
        400,
      );
      expectProblem(await get(t, outsider, '/api/v1/reports/p2p?currency=XXX'), 400);
    });
  });
}
