import { useCallback, useState } from 'react';
import { login } from '../../lib/api.ts';
import { errorFor } from '../../lib/field-errors.ts';
import { Link, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { dropInvitationParam, invitationOf } from './invitation-param.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/field.tsx';
import { usePageTitle } from '../../ui/layout.tsx';
import { Banner } from '../../ui/states.tsx';

const LABELS = { email: 'Email', password: 'Password' };

export function SignInPage({ expired }: { expired: boolean }) {
  usePageTitle('Sign in');
  const { refresh } = useSession();
  const { search } = useLocation();
  const invitationToken = invitationOf(search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { submit, busy, failure } = useSubmit(
    useCallback(async () => {
      await login({
        email,
        password,
        ...(invitationToken === undefined ? {} : { invitationToken }),
      });
      dropInvitationParam();
      await refresh(); // the app then moves on to the page that asked for sign-in
    }, [email, password, invitationToken, refresh]),
  );
  const issues = failure?.issues ?? [];
  return (
    <div className="narrow stack">
      <div className="stack" style={{ gap: 4 }}>
        <h1>Sign in to Circles</h1>
        <p className="muted">Find complementary partners and work with them.</p>
      </div>
      {expired && failure === null && (
        <Banner tone="info">Your session has ended. Sign in again to continue.</Banner>
      )}
      {invitationToken !== undefined && (
        <Banner tone="info">Sign in to accept your invitation.</Banner>
      )}
      {failure !== null && (
        <ErrorSummary
          title={failure.status === 401 ? 'Sign-in failed' : failure.title}
          detail={failure.detail}
          issues={issues}
          knownFields={Object.keys(LABELS)}
          labels={LABELS}
        />
      )}
      <form className="card stack" onSubmit={submit} noValidate aria-label="Sign in">
        <TextField
          label="Email"
          path="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errorFor(issues, 'email')}
        />
        <TextField
          label="Password"
          path="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errorFor(issues, 'password')}
        />
        <Button type="submit" variant="primary" block busy={busy}>
          Sign in
        </Button>
      </form>
      <p className="small muted">
        New to Circles?{' '}
        <Link
          to={
            invitationToken === undefined
              ? '/sign-up'
              : `/sign-up?invitation=${encodeURIComponent(invitationToken)}`
          }
        >
          Create an account
        </Link>
        . Started the server with <code>npm start</code>? The terminal shows a demo sign-in.
      </p>
    </div>
  );
}
