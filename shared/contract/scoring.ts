import * as z from 'zod';
import { requiredText, Slug, text, Ulid } from './common.js';

/** A judge's score sheet: marks by criterion id (ranges are the category's, checked by the domain). */
export const ScoreBody = z
  .strictObject({
    scores: z.record(Slug, z.number()).describe('A mark per criterion id, from 0 to its maxScore'),
    comment: text(10_000).default(''),
    final: z.boolean(),
  })
  .meta({ id: 'Score' });

export const ShortlistBody = z
  .strictObject({
    entryIds: z.array(Ulid).max(200).optional().describe('Leave out to take the proposed shortlist'),
    reason: requiredText(2000).optional().describe('Required when the list differs from the proposal'),
  })
  .meta({ id: 'Shortlist' });

export const WinnersBody = z
  .strictObject({
    winner: Ulid,
    highlyCommended: z.array(Ulid).max(20).optional(),
  })
  .meta({ id: 'Winners' });
