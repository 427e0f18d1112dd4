/**
 * One error vocabulary for the whole project: a stable code a client can switch on,
 * a message a person can act on, and optional details (file, path, limit).
 * Callers never parse messages.
 */
import { GraphQLError } from 'graphql';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DATABASE_UNAVAILABLE',
  'EVENTS_INTERRUPTED',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Problem {
  /** The file the problem is in, when it came from a file. */
  file?: string;
  /** Where inside the file or input, e.g. "practices[2].validTo". */
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
  }
}

/** Problems an answer lists: enough to fix a bundle in rounds, bounded work and size. */
export const LISTED_PROBLEMS = 200;
/** Problems the message spells out; `extensions.problems` holds more. */
const PROBLEMS_IN_MESSAGE = 20;

/**
 * Bad input, with every problem found (not just the first): `problems` holds them all (the
 * seed CLI prints them all); an API answer lists the first LISTED_PROBLEMS and counts them all
 * in `problemCount`.
 */
export class ValidationError extends AppError {
  readonly problems: Problem[];

  constructor(problems: Problem[], summary?: string) {
    super('BAD_USER_INPUT', summary ?? formatProblems(problems, PROBLEMS_IN_MESSAGE), {
      problems: problems.slice(0, LISTED_PROBLEMS),
      ...(problems.length > LISTED_PROBLEMS ? { problemCount: problems.length } : {}),
    });
    this.problems = problems;
  }
}

export function formatProblems(problems: Problem[], max = Infinity): string {
  const lines = problems
    .slice(0, max)
    .map((p) => `${p.file ? `${p.file}: ` : ''}${p.path || '(root)'}: ${p.message}`);
  if (problems.length > max)
    lines.push(`... and ${problems.length - max} more (extensions.problems lists them)`);
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} found:\n  ${lines.join('\n  ')}`;
}

/**
 * An error that refuses a request before execution (limits, authentication), with the HTTP
 * status Apollo should answer with instead of its default 500 for plugin errors.
 */
export function refusal(error: AppError): AppError {
  const status: Partial<Record<ErrorCode, number>> = {
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    RATE_LIMITED: 429,
  };
  return new AppError(error.code, error.message, {
    ...error.extensions,
    http: { status: status[error.code] ?? 400 },
  });
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
