/**
 * The guided wizard's answers → model files. The wizard asks, in order: the organisation, its
 * sites, its network zones, its main assets, its data and business processes, then the flows
 * between assets and zones. Answers name each other by name (a zone's site, an asset's zone, a
 * flow's ends): ids are made from the names, references resolved by name (case and accents
 * ignored); a name that matches nothing is a diagnostic whose `path` is the answer's
 * (`assets[2].zone`), and the reference is left out so that the files stay valid. Pure.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../domain/diagnostic.js';
import { ASSET_KINDS } from '../../domain/model/asset.js';
import { CLASSIFICATIONS, PERSONAL_DATA_CATEGORIES } from '../../domain/model/data.js';
import { ENCRYPTIONS, PROTOCOLS, TRANSPORTS } from '../../domain/model/protocol.js';
import { GDPR_ROLES, NIS2_ENTITY_TYPES } from '../../domain/model/organisation.js';
import { SITE_KINDS } from '../../domain/model/site.js';
import { ZONE_KINDS } from '../../domain/model/zone.js';
import { cidrSchema, durationSchema, ipAddressSchema } from '../../domain/model/common.js';
import { IdAllocator, normalise } from '../inventory/ids.js';
import { message, type InventoryLocale } from '../inventory/messages.js';
import { modelYaml } from '../inventory/yaml-out.js';

const name = z.string().trim().min(1).max(200);
const ref = z.string().trim().max(200);
const level = z.int().min(1).max(4);

/** What the wizard sends: every step's answers (steps not reached are empty lists). */
export const wizardAnswersSchema = z.strictObject({
  organisation: z.strictObject({
    name,
    sector: z.string().trim().max(200).optional(),
    employees: z.int().min(0).max(10_000_000).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    gdpr: z.enum(GDPR_ROLES).optional(),
    nis2: z.enum(NIS2_ENTITY_TYPES).optional(),
  }),
  sites: z
    .array(
      z.strictObject({
        name,
        kind: z.enum(SITE_KINDS).optional(),
        city: z.string().trim().max(200).optional(),
      }),
    )
    .max(100)
    .default([]),
  zones: z
    .array(
      z.strictObject({
        name,
        kind: z.enum(ZONE_KINDS),
        site: ref.optional(),
        subnets: z.array(cidrSchema).max(50).optional(),
      }),
    )
    .max(200)
    .default([]),
  assets: z
    .array(
      z.strictObject({
        name,
        kind: z.enum(ASSET_KINDS),
        zone: ref.optional(),
        addresses: z.array(ipAddressSchema).max(100).optional(),
        os: z.string().trim().max(200).optional(),
        osVersion: z.string().trim().max(100).optional(),
        count: z.int().min(1).max(1_000_000).optional(),
      }),
    )
    .max(1000)
    .default([]),
  data: z
    .array(
      z.strictObject({
        name,
        classification: z.enum(CLASSIFICATIONS).optional(),
        personal: z.array(z.enum(PERSONAL_DATA_CATEGORIES)).max(20).optional(),
        needs: z
          .strictObject({
            availability: level.optional(),
            integrity: level.optional(),
            confidentiality: level.optional(),
            proof: level.optional(),
          })
          .optional(),
        storedOn: z.array(ref).max(100).optional(),
      }),
    )
    .max(500)
    .default([]),
  processes: z
    .array(
      z.strictObject({
        name,
        rto: durationSchema.optional(),
        rpo: durationSchema.optional(),
        assets: z.array(ref).max(200).optional(),
        data: z.array(ref).max(200).optional(),
      }),
    )
    .max(200)
    .default([]),
  flows: z
    .array(
      z.strictObject({
        from: ref,
        to: ref,
        protocol: z.enum(PROTOCOLS),
        transport: z.enum(TRANSPORTS).optional(),
        port: z.int().min(0).max(65_535).optional(),
        encryption: z.enum(ENCRYPTIONS).optional(),
        purpose: z.string().trim().max(500).optional(),
        data: z.array(ref).max(100).optional(),
      }),
    )
    .max(2000)
    .default([]),
});
export type WizardAnswers = z.input<typeof wizardAnswersSchema>;
type Answers = z.output<typeof wizardAnswersSchema>;

export interface WizardModel {
  readonly files: Readonly<Record<string, string>>;
  /** References that match nothing (warnings; the reference is left out). */
  readonly diagnostics: readonly Diagnostic[];
}

const WHAT: Readonly<Record<string, { en: string; fr: string }>> = {
  site: { en: 'site', fr: 'site' },
  zone: { en: 'zone', fr: 'zone' },
  asset: { en: 'asset', fr: 'actif' },
  data: { en: 'data set', fr: 'donnée' },
  endpoint: { en: 'asset or zone', fr: 'actif ou zone' },
};

const HEADER = {
  en: 'Written by the Vigie wizard: complete it from the explorer or the editor.',
  fr: 'Écrit par l’assistant de Vigie : complétez-le depuis l’explorateur ou l’éditeur.',
};

type Entry = Record<string, unknown>;

/** Writes the model files of the answers (already checked by {@link wizardAnswersSchema}). */
export function wizardToModel(answers: Answers, locale: InventoryLocale): WizardModel {
  const ids = new IdAllocator();
  const diagnostics: Diagnostic[] = [];
  const indexes = {
    site: new Map<string, string>(),
    zone: new Map<string, string>(),
    asset: new Map<string, string>(),
    data: new Map<string, string>(),
  };
  const register = (kind: keyof typeof indexes, entryName: string, fallback: string): string => {
    const id = ids.allocate(entryName, fallback);
    const key = normalise(entryName);
    if (!indexes[kind].has(key)) indexes[kind].set(key, id);
    return id;
  };
  const resolve = (
    kinds: readonly (keyof typeof indexes)[],
    value: string,
    path: string,
    what: string,
  ): string | undefined => {
    const key = normalise(value);
    for (const kind of kinds) {
      const id = indexes[kind].get(key);
      if (id !== undefined) return id;
    }
    const label = WHAT[what] ?? { en: what, fr: what };
    diagnostics.push({
      code: 'wizard-unknown-reference',
      severity: 'warning',
      message: message(locale, 'wizard-unknown-reference', { name: value, what: label[locale] }),
      file: 'wizard',
      line: 0,
      column: 0,
      path,
    });
    return undefined;
  };
  const resolveAll = (
    kind: keyof typeof indexes,
    values: readonly string[] | undefined,
    path: string,
  ): string[] | undefined => {
    if (values === undefined) return undefined;
    const out = values
      .filter((v) => v.trim() !== '')
      .map((v, i) => resolve([kind], v, `${path}[${String(i)}]`, kind))
      .filter((v): v is string => v !== undefined);
    return out.length === 0 ? undefined : [...new Set(out)];
  };
  const compact = (entry: Entry): Entry =>
    Object.fromEntries(
      Object.entries(entry).filter(
        ([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
      ),
    );

  const org = answers.organisation;
  const organisation = compact({
    name: org.name,
    sector: org.sector,
    employees: org.employees,
    country: org.country,
    locale,
    regulatory:
      org.gdpr === undefined && org.nis2 === undefined
        ? undefined
        : compact({ gdpr: org.gdpr, nis2: org.nis2 }),
  });
  const sites = answers.sites.map((s) =>
    compact({ id: register('site', s.name, 'site'), name: s.name, kind: s.kind, city: s.city }),
  );
  const zones = answers.zones.map((z) => ({ answer: z, id: register('zone', z.name, 'zone') }));
  const zoneEntries = zones.map(({ answer: z, id }, i) =>
    compact({
      id,
      name: z.name,
      kind: z.kind,
      site:
        z.site === undefined || z.site === ''
          ? undefined
          : resolve(['site'], z.site, `zones[${String(i)}].site`, 'site'),
      subnets: z.subnets,
      ...(z.kind === 'internet' ? { trust: 'untrusted' } : {}),
    }),
  );
  const assets = answers.assets.map((a) => ({ answer: a, id: register('asset', a.name, 'asset') }));
  const assetEntries = assets.map(({ answer: a, id }, i) =>
    compact({
      id,
      name: a.name,
      kind: a.kind,
      zone:
        a.zone === undefined || a.zone === ''
          ? undefined
          : resolve(['zone'], a.zone, `assets[${String(i)}].zone`, 'zone'),
      addresses: a.addresses,
      os:
        a.os === undefined || a.os === ''
          ? undefined
          : compact({ name: a.os, version: a.osVersion }),
      count: a.count !== undefined && a.count > 1 ? a.count : undefined,
    }),
  );
  const data = answers.data.map((d) => ({ answer: d, id: register('data', d.name, 'data') }));
  const dataEntries = data.map(({ answer: d, id }, i) =>
    compact({
      id,
      name: d.name,
      classification: d.classification,
      personal:
        d.personal === undefined || d.personal.length === 0
          ? undefined
          : { categories: [...new Set(d.personal)] },
      needs: d.needs === undefined ? undefined : compact(d.needs),
      storedOn: resolveAll('asset', d.storedOn, `data[${String(i)}].storedOn`),
    }),
  );
  const processEntries = answers.processes.map((p, i) =>
    compact({
      id: ids.allocate(p.name, 'process'),
      name: p.name,
      rto: p.rto,
      rpo: p.rpo,
      assets: resolveAll('asset', p.assets, `processes[${String(i)}].assets`),
      data: resolveAll('data', p.data, `processes[${String(i)}].data`),
    }),
  );
  const flowEntries: Entry[] = [];
  answers.flows.forEach((f, i) => {
    const from = resolve(['asset', 'zone'], f.from, `flows[${String(i)}].from`, 'endpoint');
    const to = resolve(['asset', 'zone'], f.to, `flows[${String(i)}].to`, 'endpoint');
    if (from === undefined || to === undefined) return;
    flowEntries.push(
      compact({
        id: ids.allocate(`flux-${from}-${to}-${f.protocol}`.slice(0, 80), 'flux'),
        from,
        to,
        protocol: f.protocol,
        transport: f.transport,
        port: f.port,
        encryption: f.encryption,
        data: resolveAll('data', f.data, `flows[${String(i)}].data`),
        purpose: f.purpose,
      }),
    );
  });
  const files: Record<string, string> = {
    'organisation.yaml': modelYaml(
      sites.length === 0 ? { organisation } : { organisation, sites },
      HEADER,
    ),
  };
  if (zoneEntries.length > 0) files['zones.yaml'] = modelYaml({ zones: zoneEntries }, HEADER);
  if (assetEntries.length > 0) files['assets.yaml'] = modelYaml({ assets: assetEntries }, HEADER);
  if (dataEntries.length > 0 || processEntries.length > 0) {
    files['data.yaml'] = modelYaml(
      compact({ data: dataEntries, processes: processEntries }),
      HEADER,
    );
  }
  if (flowEntries.length > 0) files['flows.yaml'] = modelYaml({ flows: flowEntries }, HEADER);
  return { files, diagnostics };
}
