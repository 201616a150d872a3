// Form submission state: busy flag, and the failure as a title, a sentence and field issues.
import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from './api-client.ts';
import { issuesOf, type FieldIssue } from './field-errors.ts';

export interface SubmitFailure {
  status: number;
  title: string;
  detail: string;
  issues: FieldIssue[];
}

export function failureOf(err: unknown): SubmitFailure {
  if (err instanceof ApiError) {
    return {
      status: err.status,
      title: err.problem.title,
      detail: err.problem.detail,
      issues: issuesOf(err.problem),
    };
  }
  return {
    status: 0,
    title: 'Something went wrong',
    detail: err instanceof Error ? err.message : String(err),
    issues: [],
  };
}

export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const submit = useCallback(
    (e?: FormEvent) => {
      e?.preventDefault();
      setBusy(true);
      setFailure(null);
      action()
        .catch((err: unknown) => setFailure(failureOf(err)))
        .finally(() => setBusy(false));
    },
    [action],
  );
  return { submit, busy, failure, setFailure };
}
