// One error type for all business code. HTTP and CLI map `code` to a status or exit code;
// business code never knows about either.
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'idempotency_mismatch'
  | 'rate_limited'
  | 'payload_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type';

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (issues: readonly FieldIssue[], message = 'Invalid input'): AppError =>
  new AppError('validation', message, issues);

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
