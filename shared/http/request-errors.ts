import type { FieldError } from '../domain/errors.js';

/** Errors in the HTTP request itself (before any domain rule runs). Mapped in problem.ts. */
export class MalformedRequestError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}

export class UnsupportedMediaTypeError extends Error {
  override name = 'UnsupportedMediaTypeError';
}

export class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
}
