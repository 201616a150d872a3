// An invitation link opened while already signed in: join that organization with one click.
import { useCallback } from 'react';
import { acceptInvitation, switchOrg } from '../../lib/api.ts';
import { navigate } from '../../lib/router.tsx';
import { useMe, useSession } from '../../lib/session.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Button } from '../../ui/button.tsx';
import { usePageTitle } from '../../ui/layout.tsx';
import { Banner } from '../../ui/states.tsx';

export function AcceptInvitationPage({ token }: { token: string }) {
  usePageTitle('Accept invitation');
  const me = useMe();
  const { refresh } = useSession();
  const { submit, busy, failure } = useSubmit(
    useCallback(async () => {
      const { organization } = await acceptInvitation(token);
      await switchOrg(organization.id);
      await refresh();
      navigate('/directory', { replace: true });
    }, [token, refresh]),
  );
  return (
    <div className="narrow stack">
      <h1>Join an organization</h1>
      <p>
        You are signed in as <strong>{me.user.email}</strong>. Accept the invitation to join the
        organization that sent it; you keep your other memberships.
      </p>
      {failure !== null && (
        <Banner tone="error">
          <strong>{failure.title}</strong> {failure.detail}
        </Banner>
      )}
      <div className="row">
        <Button variant="primary" busy={busy} onClick={() => submit()}>
          Accept invitation
        </Button>
        <Button onClick={() => navigate('/directory', { replace: true })}>Not now</Button>
      </div>
    </div>
  );
}
