// Sign-up: found a new organization (you become its owner), or join one with an invitation link.
import { useCallback, useState } from 'react';
import { signup } from '../../lib/api.ts';
import { errorFor } from '../../lib/field-errors.ts';
import { Link, useLocation } from '../../lib/router.tsx';
import { useSession } from '../../lib/session.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { dropInvitationParam, invitationOf } from './invitation-param.ts';
import { useVocabularies } from '../../lib/vocabularies.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { usePageTitle } from '../../ui/layout.tsx';
import { Banner } from '../../ui/states.tsx';

const LABELS: Record<string, string> = {
  name: 'Your name',
  email: 'Work email',
  password: 'Password',
  'organization.name': 'Organization name',
  'organization.website': 'Website',
  'organization.hqCountry': 'Headquarters country',
  organization: 'Organization',
  invitationToken: 'Invitation',
};

export function SignUpPage() {
  usePageTitle('Create an account');
  const { refresh } = useSession();
  const vocab = useVocabularies();
  const invitationToken = invitationOf(useLocation().search);
  const [f, setF] = useState({
    name: '',
    email: '',
    password: '',
    orgName: '',
    website: '',
    hqCountry: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((prev) => ({ ...prev, [k]: e.target.value }));

  const { submit, busy, failure } = useSubmit(
    useCallback(async () => {
      const person = { name: f.name, email: f.email, password: f.password };
      await signup(
        invitationToken !== undefined
          ? { ...person, invitationToken }
          : {
              ...person,
              organization: {
                name: f.orgName,
                hqCountry: f.hqCountry,
                ...(f.website.trim() === '' ? {} : { website: f.website.trim() }),
              },
            },
      );
      dropInvitationParam();
      await refresh();
    }, [f, invitationToken, refresh]),
  );
  const issues = failure?.issues ?? [];
  const err = (path: string) => errorFor(issues, path);
  const countries = vocab.status === 'ready' ? vocab.vocab.options('countries') : [];

  return (
    <div className="narrow stack">
      <div className="stack" style={{ gap: 4 }}>
        <h1>Create your Circles account</h1>
        <p className="muted">
          {invitationToken === undefined
            ? 'Set up your organization’s partner profile; you become its owner.'
            : 'You were invited to join an organization.'}
        </p>
      </div>
      {invitationToken !== undefined && (
        <Banner tone="info">Your account joins the organization that invited you.</Banner>
      )}
      {failure !== null && (
        <ErrorSummary
          title="We could not create your account"
          detail={failure.detail}
          issues={issues}
          knownFields={Object.keys(LABELS)}
          labels={LABELS}
        />
      )}
      <form className="card stack" onSubmit={submit} noValidate aria-label="Create account">
        <TextField
          label="Your name"
          path="name"
          autoComplete="name"
          value={f.name}
          onChange={set('name')}
          error={err('name')}
        />
        <TextField
          label="Work email"
          path="email"
          type="email"
          autoComplete="email"
          value={f.email}
          onChange={set('email')}
          error={err('email')}
        />
        <TextField
          label="Password"
          path="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          value={f.password}
          onChange={set('password')}
          error={err('password')}
        />
        {invitationToken === undefined && (
          <fieldset className="stack">
            <legend className="section-title">Your organization</legend>
            <TextField
              label="Organization name"
              path="organization.name"
              autoComplete="organization"
              value={f.orgName}
              onChange={set('orgName')}
              error={err('organization.name')}
            />
            <TextField
              label="Website"
              path="organization.website"
              type="url"
              hint="Optional, e.g. https://contoso.com"
              value={f.website}
              onChange={set('website')}
              error={err('organization.website')}
            />
            <SelectField
              label="Headquarters country"
              path="organization.hqCountry"
              options={countries}
              emptyLabel={vocab.status === 'loading' ? 'Loading countries…' : 'Choose a country'}
              value={f.hqCountry}
              onChange={set('hqCountry')}
              error={
                err('organization.hqCountry') ??
                issues.find((i) => i.path === 'organization')?.message
              }
            />
          </fieldset>
        )}
        <Button type="submit" variant="primary" block busy={busy}>
          Create account
        </Button>
      </form>
      <p className="small muted">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
