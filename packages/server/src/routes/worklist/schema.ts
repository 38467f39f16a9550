import { z } from 'zod';
import { paging, searchText } from '../shared/schemas.ts';

export const worklistQuery = z.strictObject({
  scope: z.enum(['mine', 'team']).default('mine'),
  q: searchText,
  due: z.enum(['overdue', 'week', 'all']).default('all'),
  ...paging,
});

export type WorklistIn = z.infer<typeof worklistQuery>;
