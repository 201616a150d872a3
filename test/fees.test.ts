// Fees over HTTP on both stores: a win books one fee both parties see (10 % of the realised value,
// rounded half-even, converted when the value is in another currency), invoice / pay by the
// payee only, disputes closed by both sides' agreement, and outsiders never see a fee.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpportunity, get, partnerUp, post } from './support/deals-helpers.ts';
import { STORE_KINDS, storeAvailable } from './support/stores.ts';
import { createTestApp, expectProblem, type SignedUp, type TestApp } from './support/test-app.ts';

interface FeeDto {
  id: string;
  referralId: string;
  partnershipId: string;
  role: string;
  direction: string;
  payerOrgId: string;
  payeeOrgId: string;
  amount: { amount: number; currency: string };
  status: string;
  calculation: { rate: number | null; fxDate: string | null; realised: { amount: number } };
  dispute: null | {
    id: string;
    status: string;
    messages: { orgId: string; text: string }[];
    resolution: unknown;
  };
  paymentDueAt: string | null;
  version: number;
}
interface LedgerDto {
  fees: FeeDto[];
  totals: { currency: string; status: string; direction: string; amount: number; count: number }[];
  reporting: { currency: string; fxDate: string; totals: { status: string; amount: number }[] };
}

/** num / den rounded half-even, as the ledger rounds. */
function halfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(!storeAvailable(kind))(`fees (${kind})`, () => {
    let t: TestApp;
    let sender: SignedUp;
    let receiver: SignedUp;
    let outsider: SignedUp;
    let partnershipId: string;

    beforeAll(async () => {
      t = await createTestApp(kind, { CIRCLES_SESSION_HOURS: String(24 * 90) }); // the clock moves
      sender = await t.signup();
      receiver = await t.signup();
      outsider = await t.signup();
      partnershipId = await partnerUp(t, sender, receiver);
      const a = await post(t, sender, '/api/v1/agreements', {
        partnershipId,
        type: 'referral',
        terms: { fee: { basis: 'percent-of-revenue', rate: 1000 }, currency: 'EUR' },
      });
      expect(a.statusCode, a.body).toBe(201);
      const id = a.json<{ id: string }>().id;
      const acc = await post(t, receiver, `/api/v1/agreements/${id}/versions/1/accept`);
      expect(acc.statusCode, acc.body).toBe(200);
    });
    afterAll(async () => t.close());

    const patch = (who: SignedUp, id: string, body: Record<string, unknown>) =>
      t.as(who.token, {
        method: 'PATCH',
        url: `/api/v1/referrals/${id}`,
        payload: body,
        headers: { 'if-match': '*' },
      });

    /** sender refers, receiver accepts and wins it with `value`; returns the referral id. */
    async function wonReferral(value: { amount: number; currency: string }): Promise<string> {
      const opportunityId = await createOpportunity(t, sender);
      const res = await post(t, sender, '/api/v1/referrals', {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'referral',
        estimatedCloseDate: '2030-03-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json<{ id: string }>().id;
      const acc = await patch(receiver, id, { status: 'Active', substatus: 'Accepted' });
      expect(acc.statusCode, acc.body).toBe(200);
      t.clock.advance(4 * 24 * 3_600_000);
      const won = await patch(receiver, id, { status: 'Closed', substatus: 'Won', value });
      expect(won.statusCode, won.body).toBe(200);
      return id;
    }

    async function feeOf(who: SignedUp, referralId: string): Promise<FeeDto> {
      const res = await get(t, who, `/api/v1/fees?partnershipId=${partnershipId}`);
      expect(res.statusCode, res.body).toBe(200);
      const fee = res.json<LedgerDto>().fees.find((f) => f.referralId === referralId);
      expect(fee, `no fee for ${referralId}`).toBeDefined();
      return fee!;
    }

    it('books 10 % of the realised value on Won, in both ledgers, rounded half-even', async () => {
      const even = await wonReferral({ amount: 1_234_565, currency: 'EUR' }); // 123,456.5 -> 123,456
      const odd = await wonReferral({ amount: 1_234_575, currency: 'EUR' }); // 123,457.5 -> 123,458
      const [mine, theirs] = await Promise.all([feeOf(sender, even), feeOf(receiver, even)]);
      expect(mine).toMatchObject({
        role: 'payee',
        direction: 'receivable',
        payeeOrgId: sender.organization.id,
        payerOrgId: receiver.organization.id,
        amount: { amount: 123_456, currency: 'EUR' },
        status: 'due',
        calculation: { rate: 1000, fxDate: null, realised: { amount: 1_234_565 } },
      });
      expect(theirs).toMatchObject({ id: mine.id, role: 'payer', direction: 'payable' });
      expect((await feeOf(sender, odd)).amount.amount).toBe(123_458);

      const events = await get(t, receiver, `/api/v1/referrals/${even}/events`);
      const log = events.json<{ events: { type: string }[]; verified: boolean }>();
      expect(log.verified).toBe(true);
      expect(log.events.map((e) => e.type).slice(-2)).toEqual([
        'referral.status_changed',
        'fee.due',
      ]);

      const hooks = await t.store.db
        .selectFrom('webhook_events')
        .select(['org_id', 'data'])
        .where('type', '=', 'fee.due')
        .execute();
      const told = hooks.filter((h) => h.data.includes(mine.id)).map((h) => h.org_id);
      expect(told.sort()).toEqual([sender.organization.id, receiver.organization.id].sort());
    });

    it('converts a value in another currency with the FX table and totals per currency', async () => {
      // 10,000.00 USD / 1.1587 x 10 % = 863.036... EUR -> 86,304 cents
      const id = await wonReferral({ amount: 1_000_000, currency: 'USD' });
      const fee = await feeOf(sender, id);
      expect(fee.amount).toEqual({ amount: 86_304, currency: 'EUR' });
      expect(fee.calculation.fxDate).toBe('2026-11-27');

      const ledger = (
        await get(
          t,
          receiver,
          `/api/v1/fees?partnershipId=${partnershipId}&status=due&currency=USD`,
        )
      ).json<LedgerDto>();
      expect(ledger.fees.every((f) => f.status === 'due')).toBe(true);
      const eur = ledger.totals.find((x) => x.currency === 'EUR' && x.status === 'due');
      const sum = ledger.fees.reduce((s, f) => s + f.amount.amount, 0);
      expect(eur).toMatchObject({ direction: 'payable', amount: sum, count: ledger.fees.length });
      expect(ledger.reporting.currency).toBe('USD');
      // Exact conversion of the EUR total, rounded once: sum x 1.1587
      const usd = ledger.reporting.totals.find((x) => x.status === 'due')!;
      expect(usd.amount).toBe(Number(halfEven(BigInt(sum) * 11_587n, 10_000n)));
      expectProblem(await get(t, receiver, '/api/v1/fees?currency=eur'), 400);
    });

    it('lets only the payee invoice and mark paid; others get 403 or 404', async () => {
      const id = await wonReferral({ amount: 500_000, currency: 'EUR' });
      const fee = await feeOf(sender, id);
      expectProblem(await post(t, receiver, `/api/v1/fees/${fee.id}/invoice`), 403);
      expectProblem(await post(t, sender, `/api/v1/fees/${fee.id}/pay`), 409);
      expectProblem(await post(t, outsider, `/api/v1/fees/${fee.id}/invoice`), 404);
      expectProblem(await get(t, outsider, `/api/v1/fees/${fee.id}`), 404);
      expectProblem(await get(t, outsider, `/api/v1/fees?partnershipId=${partnershipId}`), 404);
      expect((await get(t, outsider, '/api/v1/fees')).json<LedgerDto>().fees).toEqual([]);

      const inv = await post(t, sender, `/api/v1/fees/${fee.id}/invoice`);
      expect(inv.statusCode, inv.body).toBe(200);
      expect(inv.json<FeeDto>()).toMatchObject({ status: 'invoiced' });
      expect(inv.json<FeeDto>().paymentDueAt).not.toBeNull();
      expectProblem(await post(t, receiver, `/api/v1/fees/${fee.id}/pay`), 403);
      const paid = await post(t, sender, `/api/v1/fees/${fee.id}/pay`);
      expect(paid.json<FeeDto>()).toMatchObject({ status: 'paid' });
      expect((await get(t, receiver, `/api/v1/fees/${fee.id}`)).json<FeeDto>().status).toBe('paid');
      expectProblem(
        await post(t, receiver, `/api/v1/fees/${fee.id}/disputes`, { reason: 'x' }),
        409,
      );
    });

    it('opens a dispute with a thread, closed only when both sides agree', async () => {
      const id = await wonReferral({ amount: 2_000_000, currency: 'EUR' });
      const fee = await feeOf(sender, id);
      expectProblem(
        await post(t, outsider, `/api/v1/fees/${fee.id}/disputes`, { reason: 'no' }),
        404,
      );
      expectProblem(
        await post(t, receiver, `/api/v1/fees/${fee.id}/disputes`, { reason: '  ' }),
        400,
      );
      const opened = await post(t, receiver, `/api/v1/fees/${fee.id}/disputes`, {
        reason: 'Half the value came from our own upsell',
      });
      expect(opened.statusCode, opened.body).toBe(201);
      const d = opened.json<FeeDto>().dispute!;
      expect(opened.json<FeeDto>().status).toBe('disputed');
      expect(d).toMatchObject({ status: 'open', resolution: null });
      expectProblem(await post(t, sender, `/api/v1/fees/${fee.id}/invoice`), 409);
      expectProblem(
        await post(t, sender, `/api/v1/fees/${fee.id}/disputes`, { reason: 'again' }),
        409,
      );

      const msg = await post(t, sender, `/api/v1/disputes/${d.id}/messages`, {
        text: 'We can meet halfway',
      });
      expect(msg.statusCode, msg.body).toBe(200);
      expect(msg.json<FeeDto>().dispute!.messages.map((m) => m.orgId)).toEqual([
        receiver.organization.id,
        sender.organization.id,
      ]);
      expectProblem(
        await post(t, outsider, `/api/v1/disputes/${d.id}/messages`, { text: 'hi' }),
        404,
      );

      const resolve = (who: SignedUp, resolution: unknown) =>
        post(t, who, `/api/v1/disputes/${d.id}/resolve`, { resolution });
      const one = await resolve(receiver, { outcome: 'adjust', amount: 100_000 });
      expect(one.json<FeeDto>()).toMatchObject({ status: 'disputed', dispute: { status: 'open' } });
      const other = await resolve(sender, { outcome: 'uphold' });
      expect(other.json<FeeDto>()).toMatchObject({ status: 'disputed' });
      const agreed = await resolve(sender, { outcome: 'adjust', amount: 100_000 });
      expect(agreed.json<FeeDto>()).toMatchObject({
        status: 'due',
        amount: { amount: 100_000, currency: 'EUR' },
        dispute: { status: 'resolved', resolution: { outcome: 'adjust', amount: 100_000 } },
      });
      expectProblem(await post(t, sender, `/api/v1/disputes/${d.id}/messages`, { text: 'x' }), 409);
      expectProblem(await resolve(sender, { outcome: 'waive', amount: 3 }), 409);

      const log = await get(t, sender, `/api/v1/referrals/${id}/events`);
      const types = log.json<{ events: { type: string }[] }>().events.map((e) => e.type);
      expect(types.slice(-5)).toEqual([
        'dispute.opened',
        'dispute.message',
        'dispute.message',
        'dispute.message',
        'dispute.resolved',
      ]);
      const opens = await t.store.db
        .selectFrom('webhook_events')
        .select('org_id')
        .where('type', '=', 'dispute.opened')
        .execute();
      expect(opens.length).toBeGreaterThanOrEqual(2);
    });

    it('books nothing when the referral has no agreement with a fee', async () => {
      const opportunityId = await createOpportunity(t, sender);
      const res = await post(t, sender, '/api/v1/referrals', {
        opportunityId,
        toOrgId: receiver.organization.id,
        arrangementType: 'co-sell',
        estimatedCloseDate: '2030-03-31',
      });
      const id = res.json<{ id: string }>().id;
      await patch(receiver, id, { status: 'Active', substatus: 'Accepted' });
      const won = await patch(receiver, id, {
        status: 'Closed',
        substatus: 'Won',
        value: { amount: 100, currency: 'EUR' },
      });
      expect(won.statusCode, won.body).toBe(200);
      const all = (await get(t, sender, '/api/v1/fees')).json<LedgerDto>().fees;
      expect(all.some((f) => f.referralId === id)).toBe(false);
    });

    it('shows the FX table in use', async () => {
      const res = await get(t, sender, '/api/v1/fx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ date: '2026-11-27', shipped: true, base: 'EUR' });
      expect(res.json<{ currencies: string[] }>().currencies).toContain('USD');
    });
  });
}
