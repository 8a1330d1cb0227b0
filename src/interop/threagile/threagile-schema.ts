import { z } from 'zod';

/*
 * The part of Threagile's model (schema.json, threagile 1.0) that the import reads. Objects are
 * loose: Threagile fields the import does not use are tolerated here and reported as dropped by
 * the converter. Only what the mapping cannot do without is required (ids, titles, targets).
 */

const text = z.string().max(10_000);
const nullableList = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);
const tags = nullableList;

export const CONFIDENTIALITIES = [
  'public',
  'internal',
  'restricted',
  'confidential',
  'strictly-confidential',
] as const;
export const CRITICALITIES = [
  'archive',
  'operational',
  'important',
  'critical',
  'mission-critical',
] as const;

export const communicationLinkSchema = z.looseObject({
  target: z.string(),
  description: text.nullish(),
  protocol: z.string().nullish(),
  authentication: z.string().nullish(),
  vpn: z.boolean().nullish(),
  tags,
  data_assets_sent: nullableList,
  data_assets_received: nullableList,
});
export type ThreagileLink = z.infer<typeof communicationLinkSchema>;

export const technicalAssetSchema = z.looseObject({
  id: z.string().min(1),
  description: text.nullish(),
  type: z.enum(['external-entity', 'process', 'datastore']).nullish(),
  technology: z.string().nullish(),
  technologies: nullableList,
  tags,
  internet: z.boolean().nullish(),
  machine: z.enum(['physical', 'virtual', 'container', 'serverless']).nullish(),
  encryption: z.string().nullish(),
  owner: z.string().nullish(),
  out_of_scope: z.boolean().nullish(),
  justification_out_of_scope: text.nullish(),
  redundant: z.boolean().nullish(),
  data_assets_processed: nullableList,
  data_assets_stored: nullableList,
  communication_links: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((value) => value ?? {}),
});
export type ThreagileTechnicalAsset = z.infer<typeof technicalAssetSchema>;

export const dataAssetSchema = z.looseObject({
  id: z.string().min(1),
  description: text.nullish(),
  tags,
  confidentiality: z.enum(CONFIDENTIALITIES).nullish(),
  integrity: z.enum(CRITICALITIES).nullish(),
  availability: z.enum(CRITICALITIES).nullish(),
  justification_cia_rating: text.nullish(),
});
export type ThreagileDataAsset = z.infer<typeof dataAssetSchema>;

export const trustBoundarySchema = z.looseObject({
  id: z.string().min(1),
  description: text.nullish(),
  type: z.string().nullish(),
  tags,
  technical_assets_inside: nullableList,
  trust_boundaries_nested: nullableList,
});
export type ThreagileTrustBoundary = z.infer<typeof trustBoundarySchema>;

export const sharedRuntimeSchema = z.looseObject({
  id: z.string().min(1),
  description: text.nullish(),
  tags,
  technical_assets_running: nullableList,
});
export type ThreagileSharedRuntime = z.infer<typeof sharedRuntimeSchema>;

export const riskTrackingSchema = z.looseObject({
  status: z.string(),
  justification: text.nullish(),
  ticket: z.union([z.string(), z.number()]).nullish(),
  date: z.union([z.string(), z.date()]).nullish(),
  checked_by: z.string().nullish(),
});
export type ThreagileRiskTracking = z.infer<typeof riskTrackingSchema>;

const section = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((value) => value ?? {});

/** The top level: sections are checked entry by entry, so one bad entry does not hide the rest. */
export const threagileModelSchema = z.looseObject({
  threagile_version: z.union([z.string(), z.number()]).nullish(),
  title: z.string().min(1),
  date: z.union([z.string(), z.date()]).nullish(),
  data_assets: section,
  technical_assets: section,
  trust_boundaries: section,
  shared_runtimes: section,
  risk_tracking: section,
});
export type ThreagileModel = z.infer<typeof threagileModelSchema>;
