import type { Flow } from '../../domain/model/index.js';
import type { LinkEntry } from './assets.js';
import { kebabId, type ImportContext } from './context.js';
import { AUTHENTICATION, PROTOCOLS } from './mappings.js';
import { withDescription, withTags } from './zones.js';

export const LINK_FIELDS_USED = [
  'target',
  'description',
  'protocol',
  'authentication',
  'vpn',
  'tags',
  'data_assets_sent',
  'data_assets_received',
] as const;

function dataOf(context: ImportContext, link: LinkEntry): string[] {
  const ids: string[] = [];
  for (const field of ['data_assets_sent', 'data_assets_received'] as const) {
    link.value[field].forEach((data, index) => {
      const id = context.idOf('data', data);
      if (id === undefined) {
        context.say('unknown-reference', 'warning', [...link.path, field, index], {
          id: data,
          expected: 'data asset',
        });
      } else if (!ids.includes(id)) ids.push(id);
    });
  }
  return ids;
}

/**
 * Communication links → flows from the source asset to the target. The protocol gives the
 * port and encryption; a link through a VPN is at least IPsec-encrypted; sent and received data
 * assets are both carried.
 */
export function convertLinks(context: ImportContext, links: readonly LinkEntry[]): Flow[] {
  const flows: Flow[] = [];
  for (const link of links) {
    const { value } = link;
    const to = context.idOf('asset', value.target);
    if (to === undefined) {
      context.say('unknown-reference', 'warning', [...link.path, 'target'], {
        id: value.target,
        expected: 'technical asset',
      });
      continue;
    }
    const written = value.protocol ?? 'unknown-protocol';
    let mapping = PROTOCOLS[written];
    if (mapping === undefined) {
      context.say('unknown-protocol', 'warning', [...link.path, 'protocol'], { protocol: written });
      mapping = { protocol: 'other', encryption: 'none' };
    } else if (mapping.local === true) {
      context.say('local-link', 'info', link.path, { title: link.title, protocol: written }, true);
    }
    const vpn = value.vpn === true;
    const encryption = vpn && mapping.encryption === 'none' ? 'ipsec' : mapping.encryption;
    const authentication = AUTHENTICATION[value.authentication ?? ''];
    if (authentication === undefined && value.authentication != null) {
      context.say('unknown-authentication', 'warning', [...link.path, 'authentication'], {
        authentication: value.authentication,
      });
    }
    const data = dataOf(context, link);
    flows.push({
      id: context.unique(kebabId(`${link.source}-${link.title}`)),
      name: link.title,
      ...withDescription(value.description),
      ...withTags([...value.tags, ...(vpn ? ['vpn'] : [])]),
      from: link.source,
      to,
      protocol: mapping.protocol,
      ...(mapping.port === undefined ? {} : { port: mapping.port }),
      encryption,
      ...(authentication === undefined ? {} : { authentication }),
      ...(data.length === 0 ? {} : { data }),
    });
  }
  return flows;
}
