// Creating an opportunity from a form: the local checks first (shown as the server's would be),
// then the POST. `create` is passed in so the match page keeps its own small API module.
import { useState } from 'react';
import type { FieldIssue } from '../../../lib/field-errors.ts';
import { failureOf, type SubmitFailure } from '../../../lib/use-submit.ts';
import type { OpportunityBody } from '../deals-api.ts';

export interface BuiltOpportunity {
  body: OpportunityBody;
  issues: FieldIssue[];
}

export function useCreateOpportunity(
  create: (body: OpportunityBody) => Promise<{ id: string }>,
  onCreated: (id: string) => void,
) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const submit = ({ body, issues }: BuiltOpportunity): void => {
    if (issues.length > 0) {
      setFailure({ status: 400, title: 'Check the highlighted fields', detail: '', issues });
      return;
    }
    setBusy(true);
    setFailure(null);
    create(body)
      .then((o) => onCreated(o.id))
      .catch((err: unknown) => setFailure(failureOf(err)))
      .finally(() => setBusy(false));
  };
  return { busy, failure, submit };
}
