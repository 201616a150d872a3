// "Partner up" on a partner's profile: shows where the two organizations stand, or sends a request.
import { useCallback, useState } from 'react';
import { messageOf } from '../../../lib/api.ts';
import { Link } from '../../../lib/router.tsx';
import { canAdmin, useMe } from '../../../lib/session.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Button } from '../../../ui/button.tsx';
import { listPartnerships, requestPartnership } from '../deals-api.ts';
import { useLoad } from '../shared/use-load.ts';
import { partnerOf, viewOf } from './partnership-status.ts';

export function PartnerUpButton({ orgId, orgName }: { orgId: string; orgName: string }) {
  const me = useMe();
  const fetcher = useCallback(async () => {
    const list = await listPartnerships();
    return list.find(
      (p) =>
        partnerOf(p, me.organization.id) === orgId &&
        p.status !== 'declined' &&
        p.status !== 'ended',
    );
  }, [me.organization.id, orgId]);
  const [load, reload] = useLoad(fetcher);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (load.status !== 'ready') return null;
  const p = load.data;
  if (p !== undefined) {
    switch (viewOf(p, me.organization.id)) {
      case 'active':
        return (
          <span className="row" style={{ gap: 6 }}>
            <Badge tone="ok">Partners</Badge>
            <Link to={`/partners/${encodeURIComponent(p.id)}`}>Agreements</Link>
          </span>
        );
      case 'outgoing':
        return <Badge tone="primary">Partnership requested</Badge>;
      case 'incoming':
        return (
          <Link to="/partners" className="btn btn--primary btn--small">
            Answer their partnership request
          </Link>
        );
      case 'closed':
        break;
    }
  }
  if (!canAdmin(me)) return null;
  const send = (): void => {
    setBusy(true);
    setError(null);
    requestPartnership(orgId)
      .then(reload, (err: unknown) => setError(messageOf(err)))
      .finally(() => setBusy(false));
  };
  return (
    <span className="row" style={{ gap: 6 }}>
      <Button
        small
        variant="primary"
        busy={busy}
        onClick={send}
        aria-label={`Partner up with ${orgName}`}
      >
        Partner up
      </Button>
      {error !== null && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
