/**
 * Typed domain errors. The HTTP layer maps each class to problem+json in one place
 * (shared/http/problem.ts); domain code throws these and never builds HTTP answers.
 */

/** A field-level complaint, shaped as the API's `errors: [{path, message}]`. */
export interface FieldError {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  /** Extra members for the problem+json body (e.g. the entries an assignment cannot cover). */
  readonly extensions: Record<string, unknown>;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

export class UnauthorizedError extends DomainError {}
export class ForbiddenError extends DomainError {}
export class NotFoundError extends DomainError {}
export class ConflictError extends DomainError {}
/** The If-Match version is stale: someone else changed the item first. */
export class PreconditionFailedError extends DomainError {}
/** A versioned write came without If-Match. */
export class PreconditionRequiredError extends DomainError {}
export class DeadlinePassedError extends DomainError {}
export class TooLargeError extends DomainError {}
/** A dependency (DynamoDB, S3) is failing or throttling; the client should retry later. */
export class UnavailableError extends DomainError {}

/** Input that is well-formed but breaks a rule; names the offending fields. */
export class InvalidError extends DomainError {
  readonly errors: FieldError[];
  constructor(message: string, errors: FieldError[] = []) {
    super(message);
    this.errors = errors;
  }
}
