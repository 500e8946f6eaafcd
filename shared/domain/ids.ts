import { monotonicFactory } from 'ulidx';

const next = monotonicFactory();

/** A new sortable id (ULID); ids made in the same millisecond still sort in creation order. */
export const newId = (now: Date = new Date()): string => next(now.getTime());
