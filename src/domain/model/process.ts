import { z } from 'zod';
import { durationSchema, entityBase, needsSchema, refListSchema, refSchema } from './common.js';

export const processSchema = z.strictObject({
  ...entityBase,
  owner: refSchema.optional(),
  needs: needsSchema.optional(),
  rto: durationSchema.optional().meta({ description: 'Recovery time objective.' }),
  rpo: durationSchema.optional().meta({ description: 'Recovery point objective.' }),
  mtpd: durationSchema.optional().meta({ description: 'Maximum tolerable period of disruption.' }),
  mbco: z.string().max(500).optional().meta({
    description: 'Minimum business continuity objective (the degraded level to keep).',
  }),
  assets: refListSchema.optional().meta({ description: 'Supporting assets.' }),
  data: refListSchema.optional().meta({ description: 'Data sets the process uses.' }),
  dependsOn: refListSchema.optional().meta({ description: 'Processes this one needs.' }),
});
export type Process = z.infer<typeof processSchema>;
