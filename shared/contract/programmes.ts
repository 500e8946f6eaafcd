import * as z from 'zod';
import { IsoTime, PageQuery, requiredText, Slug, text } from './common.js';

export const CreateProgrammeBody = z
  .strictObject({
    name: requiredText(200),
    year: z.number().int().min(2000).max(2100),
    entriesOpenAt: IsoTime,
    entriesCloseAt: IsoTime,
    judgingClosesAt: IsoTime,
  })
  .meta({ id: 'CreateProgramme' });

export const UpdateProgrammeBody = CreateProgrammeBody.partial().meta({ id: 'UpdateProgramme' });

export const Question = z.strictObject({
  id: Slug,
  prompt: requiredText(2000),
  wordLimit: z.number().int().min(1).max(5000),
  required: z.boolean(),
});

export const Criterion = z.strictObject({
  id: Slug,
  name: requiredText(200),
  weight: z.number().positive().max(1000),
  maxScore: z.number().int().min(1).max(100),
  guidance: text(2000).optional(),
});

const uniqueIds = (items: { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

export const CategoryFields = {
  name: requiredText(200),
  description: text(5000),
  questions: z.array(Question).min(1).max(30).refine(uniqueIds, 'question ids must be unique'),
  criteria: z.array(Criterion).min(1).max(20).refine(uniqueIds, 'criterion ids must be unique'),
  judgesPerEntry: z.number().int().min(1).max(20),
  shortlistSize: z.number().int().min(1).max(100),
  maxEvidenceFiles: z.number().int().min(0).max(50),
  blind: z.boolean().optional(),
};

export const CreateCategoryBody = z.strictObject(CategoryFields).meta({ id: 'CreateCategory' });
export const UpdateCategoryBody = z.strictObject(CategoryFields).partial().meta({ id: 'UpdateCategory' });

export const ListQuery = z.strictObject(PageQuery);
