import { InvalidError } from './errors.js';

/** An awards programme (e.g. HSJ Awards 2016) and its three deadlines. */
export interface Programme {
  programmeId: string;
  name: string;
  year: number;
  entriesOpenAt: string;
  entriesCloseAt: string;
  judgingClosesAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ProgrammeDates = Pick<Programme, 'entriesOpenAt' | 'entriesCloseAt' | 'judgingClosesAt'>;

/** Entries open, then close, then judging closes: each strictly after the one before. */
export function checkProgrammeDates(dates: ProgrammeDates): void {
  const open = Date.parse(dates.entriesOpenAt);
  const close = Date.parse(dates.entriesCloseAt);
  const judging = Date.parse(dates.judgingClosesAt);
  const errors = [];
  if (!(close > open)) errors.push({ path: 'body.entriesCloseAt', message: 'must be after entriesOpenAt' });
  if (!(judging > close)) errors.push({ path: 'body.judgingClosesAt', message: 'must be after entriesCloseAt' });
  if (errors.length) throw new InvalidError('The programme dates are out of order.', errors);
}

export const entriesAreOpen = (p: ProgrammeDates, now: Date) =>
  now.getTime() >= Date.parse(p.entriesOpenAt) && now.getTime() < Date.parse(p.entriesCloseAt);

/** Judging starts when entries close: from then on the field of entries is fixed. */
export const judgingHasStarted = (p: ProgrammeDates, now: Date) => now.getTime() >= Date.parse(p.entriesCloseAt);

export const judgingIsOpen = (p: ProgrammeDates, now: Date) => now.getTime() < Date.parse(p.judgingClosesAt);
