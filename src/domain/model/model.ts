import { z } from 'zod';
import { assetSchema, type Asset } from './asset.js';
import { backupSchema, type Backup } from './backup.js';
import { dataSchema, type DataSet } from './data.js';
import { decisionSchema, type Decision } from './decision.js';
import { flowSchema, type Flow } from './flow.js';
import { identitySchema, type Identity } from './identity.js';
import { measureSchema, type Measure } from './measure.js';
import { organisationSchema, type Organisation } from './organisation.js';
import { processSchema, type Process } from './process.js';
import { siteSchema, type Site } from './site.js';
import { zoneSchema, type Zone } from './zone.js';

/**
 * The entity sections of a model file, in the order they are documented and resolved.
 * Each maps to the kind of entity its list holds.
 */
export const SECTIONS = {
  sites: 'site',
  zones: 'zone',
  assets: 'asset',
  data: 'data',
  flows: 'flow',
  identities: 'identity',
  processes: 'process',
  backups: 'backup',
  measures: 'measure',
  decisions: 'decision',
} as const;
export type Section = keyof typeof SECTIONS;
export type EntityKind = (typeof SECTIONS)[Section];
export const SECTION_NAMES = Object.keys(SECTIONS) as Section[];

/** The schema of one entity of each section. */
export const SECTION_SCHEMAS = {
  sites: siteSchema,
  zones: zoneSchema,
  assets: assetSchema,
  data: dataSchema,
  flows: flowSchema,
  identities: identitySchema,
  processes: processSchema,
  backups: backupSchema,
  measures: measureSchema,
  decisions: decisionSchema,
} as const satisfies Record<Section, unknown>;

/** Schema of one model file: every section is optional, files of a directory are merged. */
export const modelFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    organisation: organisationSchema.optional(),
    sites: z.array(siteSchema).optional(),
    zones: z.array(zoneSchema).optional(),
    assets: z.array(assetSchema).optional(),
    data: z.array(dataSchema).optional(),
    flows: z.array(flowSchema).optional(),
    identities: z.array(identitySchema).optional(),
    processes: z.array(processSchema).optional(),
    backups: z.array(backupSchema).optional(),
    measures: z.array(measureSchema).optional(),
    decisions: z.array(decisionSchema).optional(),
  })
  .meta({
    title: 'Vigie organisation model',
    description:
      "A file of a Vigie model: the organisation's information system as zones, assets, data, flows, identities, processes, backups, measures and risk decisions.",
  });
export type ModelFile = z.infer<typeof modelFileSchema>;

/** The entity types, by kind. */
export interface EntityByKind {
  site: Site;
  zone: Zone;
  asset: Asset;
  data: DataSet;
  flow: Flow;
  identity: Identity;
  process: Process;
  backup: Backup;
  measure: Measure;
  decision: Decision;
}
export type Entity = EntityByKind[EntityKind];

/** A whole model after merging its files; every list is sorted by id. */
export interface Model {
  readonly organisation: Organisation | undefined;
  readonly sites: readonly Site[];
  readonly zones: readonly Zone[];
  readonly assets: readonly Asset[];
  readonly data: readonly DataSet[];
  readonly flows: readonly Flow[];
  readonly identities: readonly Identity[];
  readonly processes: readonly Process[];
  readonly backups: readonly Backup[];
  readonly measures: readonly Measure[];
  readonly decisions: readonly Decision[];
}
