import type { DataSet, Needs } from '../../domain/model/index.js';
import type { ImportContext } from './context.js';
import type { Entry } from './entries.js';
import { CLASSIFICATIONS, CONFIDENTIALITY_LEVELS, CRITICALITY_LEVELS } from './mappings.js';
import type { ThreagileDataAsset, ThreagileTechnicalAsset } from './threagile-schema.js';
import { withDescription, withTags } from './zones.js';

export const DATA_ASSET_FIELDS_USED = [
  'id',
  'description',
  'tags',
  'confidentiality',
  'integrity',
  'availability',
  'justification_cia_rating',
] as const;

/** DICP needs from Threagile's ratings (see the level tables in mappings.ts for why). */
function needsOf(value: ThreagileDataAsset): Needs {
  const confidentiality = CONFIDENTIALITY_LEVELS[value.confidentiality ?? ''];
  const integrity = CRITICALITY_LEVELS[value.integrity ?? ''];
  const availability = CRITICALITY_LEVELS[value.availability ?? ''];
  return {
    ...(availability === undefined ? {} : { availability }),
    ...(integrity === undefined ? {} : { integrity }),
    ...(confidentiality === undefined ? {} : { confidentiality }),
  };
}

/** Data assets → data sets, stored on the technical assets whose `data_assets_stored` list them. */
export function convertDataAssets(
  context: ImportContext,
  dataAssets: readonly Entry<ThreagileDataAsset>[],
  technicalAssets: readonly Entry<ThreagileTechnicalAsset>[],
): DataSet[] {
  const storedOn = new Map<string, string[]>();
  for (const asset of technicalAssets) {
    const assetId = context.idOf('asset', asset.value.id);
    if (assetId === undefined) continue;
    asset.value.data_assets_stored.forEach((data, index) => {
      if (context.idOf('data', data) === undefined) {
        context.say('unknown-reference', 'warning', [...asset.path, 'data_assets_stored', index], {
          id: data,
          expected: 'data asset',
        });
        return;
      }
      storedOn.set(data, [...(storedOn.get(data) ?? []), assetId]);
    });
  }
  return dataAssets.map((entry): DataSet => {
    const { value } = entry;
    const id = context.idOf('data', value.id) ?? value.id;
    const needs = needsOf(value);
    const justification = value.justification_cia_rating?.trim() ?? '';
    const description = [value.description?.trim() ?? '', justification]
      .filter((t) => t !== '')
      .join('\n');
    const stored = [...new Set(storedOn.get(value.id) ?? [])];
    const classification =
      value.confidentiality == null ? undefined : CLASSIFICATIONS[value.confidentiality];
    return {
      id,
      name: entry.title,
      ...withDescription(description),
      ...withTags(value.tags),
      ...(classification === undefined ? {} : { classification }),
      ...(Object.keys(needs).length === 0 ? {} : { needs }),
      ...(stored.length === 0 ? {} : { storedOn: stored }),
    };
  });
}
