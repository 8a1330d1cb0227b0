import { z } from 'zod';
import { DURATION_PATTERN } from '../duration.js';

/** Human-readable kebab-case identifier, unique across the whole model. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z
  .string()
  .max(100)
  .regex(ID_PATTERN)
  .meta({ description: 'Kebab-case identifier, unique across the model (e.g. `srv-erp`).' });

/** A reference to another entity by its id. */
export const refSchema = z
  .string()
  .regex(ID_PATTERN)
  .meta({ description: 'Id of another entity of the model.' });

export const refListSchema = z.array(refSchema);

export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN)
  .meta({ description: 'Duration: `30min`, `4h`, `2d`, `1w`, `3mo`, `1y`.' });

export const dateSchema = z.iso.date().meta({ description: 'ISO date, e.g. `2026-03-31`.' });

export const textSchema = z.string().max(10_000);
export const nameSchema = z.string().min(1).max(200);
export const tagsSchema = z.array(z.string().min(1).max(60));

/** A DICP level: 1 (low) to 4 (critical). */
export const levelSchema = z.int().min(1).max(4);

/** Security needs: Disponibilité, Intégrité, Confidentialité, Preuve (traceability). */
export const needsSchema = z
  .strictObject({
    availability: levelSchema.optional(),
    integrity: levelSchema.optional(),
    confidentiality: levelSchema.optional(),
    proof: levelSchema.optional(),
  })
  .meta({ description: 'DICP security needs, each from 1 (low) to 4 (critical).' });
export type Needs = z.infer<typeof needsSchema>;

export const NEED_CRITERIA = ['availability', 'integrity', 'confidentiality', 'proof'] as const;
export type NeedCriterion = (typeof NEED_CRITERIA)[number];

/** ISO 3166-1 alpha-2 country code. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/);

export const ipAddressSchema = z.union([z.ipv4(), z.ipv6()]);
export const cidrSchema = z.union([z.cidrv4(), z.cidrv6()]);
export const portSchema = z.int().min(0).max(65_535);

/** Fields every entity shares. */
export const entityBase = {
  id: idSchema,
  name: nameSchema.optional(),
  description: textSchema.optional(),
  tags: tagsSchema.optional(),
};
