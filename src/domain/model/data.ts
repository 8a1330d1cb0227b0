import { z } from 'zod';
import { durationSchema, entityBase, needsSchema, refListSchema, refSchema } from './common.js';

export const CLASSIFICATIONS = [
  'public',
  'internal',
  'restricted',
  'confidential',
  'secret',
] as const;

/** Personal-data categories; the GDPR article 9 special categories are listed apart. */
export const SPECIAL_PERSONAL_DATA = [
  'health',
  'genetic',
  'biometric',
  'racial-ethnic-origin',
  'political-opinions',
  'religious-beliefs',
  'trade-union',
  'sex-life',
] as const;

export const PERSONAL_DATA_CATEGORIES = [
  'identification',
  'contact',
  'family',
  'professional',
  'financial',
  'bank-details',
  'social-security-number',
  'location',
  'connection-logs',
  'criminal',
  'minors',
  ...SPECIAL_PERSONAL_DATA,
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

export const dataSchema = z.strictObject({
  ...entityBase,
  classification: z.enum(CLASSIFICATIONS).optional(),
  personal: z
    .strictObject({
      categories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)).min(1),
      subjects: z.int().min(0).optional().meta({ description: 'Number of people concerned.' }),
    })
    .optional(),
  records: z.int().min(0).optional(),
  cardholderData: z.boolean().optional().meta({
    description:
      'Holds payment card numbers (PAN) or authentication data: in PCI DSS scope. False for tokens from a payment provider.',
  }),
  needs: needsSchema.optional(),
  storedOn: refListSchema.optional(),
  owner: refSchema.optional(),
  retention: durationSchema.optional(),
});
export type DataSet = z.infer<typeof dataSchema>;

/** True when the data set holds GDPR article 9 special-category data. */
export function isSpecialCategory(data: DataSet): boolean {
  const special: readonly string[] = SPECIAL_PERSONAL_DATA;
  return data.personal?.categories.some((c) => special.includes(c)) ?? false;
}
