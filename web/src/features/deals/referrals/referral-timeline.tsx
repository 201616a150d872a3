// The shared record: the referral's hash-chained event log as both parties read it, with whether
// the chain verifies end to end.
import { formatMoney } from '../../../lib/format.ts';
import { Badge } from '../../../ui/badge.tsx';
import { Banner } from '../../../ui/states.tsx';
import type { ReferralEvents } from '../deals-api.ts';
import { nameOf } from '../shared/org-names.ts';

type Event = ReferralEvents['events'][number];
type Json = Event['data'];

const field = (data: Json, key: string): Json | undefined =>
  typeof data === 'object' && data !== null && !Array.isArray(data) ? data[key] : undefined;

const text = (v: Json | undefined): string => (typeof v === 'string' ? v : '');

function money(v: Json | undefined): string {
  const amount = field(v ?? null, 'amount');
  const currency = field(v ?? null, 'currency');
  return typeof amount === 'number' && typeof currency === 'string'
    ? formatMoney(amount, currency)
    : '';
}

function stateText(v: Json | undefined): string {
  const s = `${text(field(v ?? null, 'status'))} / ${text(field(v ?? null, 'substatus'))}`;
  const stage = text(field(v ?? null, 'stage'));
  const value = money(field(v ?? null, 'value'));
  return [s, stage === '' ? '' : `stage ${stage}`, value].filter(Boolean).join(', ');
}

/** One sentence per event type. */
export function describeEvent(e: Event, names: ReadonlyMap<string, string>): string {
  const who = (id: Json | undefined) => (typeof id === 'string' ? nameOf(names, id) : 'someone');
  switch (e.type) {
    case 'referral.created': {
      const v = money(field(e.data, 'value'));
      return `${who(field(e.data, 'fromOrgId'))} referred the opportunity to ${who(field(e.data, 'toOrgId'))}${v === '' ? '' : ` (estimated ${v})`}`;
    }
    case 'referral.status_changed':
    case 'referral.updated': {
      const reason = text(field(field(e.data, 'to') ?? null, 'statusReason'));
      return `${text(field(e.data, 'kind'))}: ${stateText(field(e.data, 'from'))} → ${stateText(field(e.data, 'to'))}${reason === '' ? '' : ` · reason: ${reason}`}`;
    }
    case 'referral.expired':
      return 'Expired: no answer within the response window';
    case 'attribution.stamped':
      return `First introduction of ${text(field(e.data, 'customerDomain'))} to ${who(field(e.data, 'partnerOrgId'))} stamped`;
    case 'attribution.conflict':
      return `Attribution conflict: ${text(field(e.data, 'customerDomain'))} was introduced to this partner before`;
    case 'fee.due': {
      const fee = field(e.data, 'fee') ?? null;
      const amount = money(field(fee, 'amount'));
      return `Fee due: ${amount} from ${who(field(fee, 'payerOrgId'))} to ${who(field(fee, 'payeeOrgId'))}`;
    }
    default:
      return e.type.replace(/[._]/g, ' ');
  }
}

export function ReferralTimeline({
  log,
  names,
}: {
  log: ReferralEvents;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <section className="stack" aria-labelledby="timeline" style={{ gap: 8 }}>
      <div className="row">
        <h2 id="timeline">Timeline</h2>
        {log.verified ? (
          <Badge tone="ok" title="Every event's hash recomputes from the one before it">
            Verified chain · {log.events.length} events
          </Badge>
        ) : (
          <Badge tone="danger">Chain broken</Badge>
        )}
      </div>
      {log.firstBreak !== null && (
        <Banner tone="error">
          The record does not verify from event {log.firstBreak.seq}: {log.firstBreak.reason}.
          Events from there on may have been altered.
        </Banner>
      )}
      <ol className="deal-timeline" aria-label="Events, oldest first">
        {log.events.map((e) => (
          <li key={e.seq} data-event-type={e.type}>
            <div className="row" style={{ gap: 8 }}>
              <strong>{describeEvent(e, names)}</strong>
            </div>
            <div className="small muted">
              #{e.seq} ·{' '}
              <time dateTime={e.at}>{e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time> ·{' '}
              {e.actorOrgId === null ? 'Circles' : nameOf(names, e.actorOrgId)} ·{' '}
              <span className="mono" title={`hash ${e.hash}, previous ${e.prevHash}`}>
                {e.hash.slice(0, 12)}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
