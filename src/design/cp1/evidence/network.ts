import {
  CLEARTEXT_PROTOCOLS,
  isFlowEncrypted,
  SERVER_KINDS,
  USER_ZONE_KINDS,
  type AssetKind,
  type Flow,
} from '../../../domain/model/index.js';
import type { ModelGraph } from '../../../model/graph.js';
import { cleartextAdminProtocol } from '../../rules/cleartext-admin-protocol.js';
import { cleartextProtocol } from '../../rules/cleartext-protocol.js';
import { guestWifiNotIsolated } from '../../rules/guest-wifi-not-isolated.js';
import { internetExposedAdminService } from '../../rules/internet-exposed-admin-service.js';
import { internetExposedInternalService } from '../../rules/internet-exposed-internal-service.js';
import { internetExposedOutsideDmz } from '../../rules/internet-exposed-outside-dmz.js';
import { itToOtFlow } from '../../rules/it-to-ot-flow.js';
import { outboundInternetWithoutProxy } from '../../rules/outbound-internet-without-proxy.js';
import { serversInUserZone as serversInUserZoneRule } from '../../rules/servers-in-user-zone.js';
import { unencryptedSensitiveFlow } from '../../rules/unencrypted-sensitive-flow.js';
import { untrustedNetworkNotIsolated } from '../../rules/untrusted-network-not-isolated.js';
import { weakWifiSecurity } from '../../rules/weak-wifi-security.js';
import { text } from '../../text.js';
import { gapEntities } from './gaps.js';
import { defineEvidenceCheck, ids, type Evidence } from './types.js';
import { dmarcState, dmarcWording } from '../../rules/support-mail.js';
import { isInZoneKind, isOtEndpoint, isOutside } from '../../../model/predicates.js';

const passesThrough = (graph: ModelGraph, flow: Flow, kinds: readonly AssetKind[]): boolean =>
  (flow.via ?? []).some((id) => {
    const kind = graph.asset(id)?.kind;
    return kind !== undefined && kinds.includes(kind);
  });

export const serversInUserZone = defineEvidenceCheck(
  'servers-in-user-zone',
  19,
  text(
    'Servers placed in a user zone, among workstations',
    'Serveurs placés dans une zone utilisateurs, parmi les postes',
  ),
  (context, e) => {
    const { graph, model } = context;
    const found = gapEntities(context, [serversInUserZoneRule]);
    return model.zones
      .filter((zone) => zone.kind === 'user')
      .flatMap((zone) => {
        const servers = graph.assetsOfZone(zone.id, false).filter((id) => {
          const kind = graph.asset(id)?.kind;
          return kind !== undefined && SERVER_KINDS.includes(kind) && found.has(id);
        });
        if (servers.length === 0) return [];
        return [
          e.contradicts(
            [zone.id, ...servers],
            `user zone ${zone.id} also holds servers (${ids(servers)}): the network is flat there`,
            `la zone utilisateurs ${zone.id} contient aussi des serveurs (${ids(servers)}) : le réseau y est plat`,
          ),
        ];
      });
  },
  { rules: [serversInUserZoneRule] },
);

export const userZoneWithoutSegments = defineEvidenceCheck(
  'user-zone-without-segments',
  19,
  text('User zones with neither subnet nor VLAN', 'Zones utilisateurs sans sous-réseau ni VLAN'),
  ({ model }, e) =>
    model.zones
      .filter((z) => z.kind === 'user' && (z.subnets ?? []).length + (z.vlans ?? []).length === 0)
      .map((zone) =>
        e.contradicts(
          [zone.id],
          `user zone ${zone.id} declares no subnet or VLAN: nothing shows it is separated`,
          `la zone utilisateurs ${zone.id} ne déclare ni sous-réseau ni VLAN : rien ne montre qu’elle est séparée`,
        ),
      ),
  {
    unjudged:
      'a user zone that declares neither subnet nor VLAN is a gap in the map, which no rule judges',
  },
);

export const officeToOtBypass = defineEvidenceCheck(
  'office-to-ot-bypass',
  19,
  text(
    'Flows from user zones to OT that cross no firewall',
    'Flux des zones utilisateurs vers l’OT sans pare-feu',
  ),
  (context, e) => {
    const { graph, model } = context;
    const found = gapEntities(context, [itToOtFlow]);
    const flows = model.flows.filter(
      (f) =>
        isInZoneKind(graph, f.from, USER_ZONE_KINDS) &&
        isOtEndpoint(graph, f.to) &&
        !passesThrough(graph, f, ['firewall']) &&
        found.has(f.id),
    );
    if (flows.length === 0) return [];
    const targets = [...new Set(flows.map((f) => f.to))];
    return [
      e.contradicts(
        [...flows.map((f) => f.id), ...targets],
        `flows from user zones reach the OT without a firewall: ${ids(flows.map((f) => f.id))}`,
        `des flux des zones utilisateurs atteignent l’OT sans pare-feu : ${ids(flows.map((f) => f.id))}`,
      ),
    ];
  },
  { rules: [itToOtFlow] },
);

export const zonesDeclared = defineEvidenceCheck(
  'zones-declared',
  19,
  text('Distinct zones with their subnets', 'Zones distinctes avec leurs sous-réseaux'),
  ({ model }, e) => {
    const undisputed = new Set(e.undisputed(model.zones.map((z) => z.id)));
    const segmented = model.zones.filter(
      (z) => (z.subnets ?? []).length > 0 && undisputed.has(z.id),
    );
    const kinds = new Set(segmented.map((z) => z.kind));
    if (!kinds.has('user') || !kinds.has('server')) return [];
    return [
      e.supports(
        segmented.map((z) => z.id),
        `${segmented.length} zones with subnets, of ${kinds.size} kinds, including separate user and server zones`,
        `${segmented.length} zones avec sous-réseaux, de ${kinds.size} types, dont des zones utilisateurs et serveurs distinctes`,
      ),
    ];
  },
);

const WIFI_RULES = [weakWifiSecurity, guestWifiNotIsolated, untrustedNetworkNotIsolated];

export const wifiSecurity = defineEvidenceCheck(
  'wifi-security',
  20,
  text('Wi-Fi security and guest isolation', 'Sécurité du Wi-Fi et isolement des invités'),
  (context, e) => {
    const { graph, model } = context;
    const found = gapEntities(context, WIFI_RULES);
    const result: Evidence[] = [];
    for (const ap of model.assets) {
      const wifi = ap.wifi;
      if (wifi === undefined) continue;
      const gap = found.has(ap.id);
      const guest = isInZoneKind(graph, ap.id, ['guest-wifi']);
      if (wifi.security === 'open' || wifi.security === 'wep') {
        if (gap && (!guest || wifi.isolated !== true))
          result.push(
            e.contradicts(
              [ap.id],
              `${ap.id} runs ${wifi.security} Wi-Fi${guest ? ' without isolation' : ''}`,
              `${ap.id} diffuse un Wi-Fi ${wifi.security === 'open' ? 'ouvert' : 'WEP'}${guest ? ' non isolé' : ''}`,
            ),
          );
      } else if (gap && wifi.security === 'wpa2-psk' && wifi.isolated !== true) {
        result.push(
          e.contradicts(
            [ap.id, ...(ap.zone === undefined ? [] : [ap.zone])],
            `${ap.id} uses a shared WPA2 key and is not isolated from the internal network`,
            `${ap.id} utilise une clé WPA2 partagée et n’est pas isolé du réseau interne`,
          ),
        );
      } else if (wifi.security.endsWith('enterprise') && !guest) {
        result.push(
          e.supports(
            [ap.id],
            `${ap.id} uses ${wifi.security} authentication`,
            `${ap.id} utilise une authentification ${wifi.security}`,
          ),
        );
      }
    }
    const guestFlows = model.flows.filter(
      (f) =>
        isInZoneKind(graph, f.from, ['guest-wifi']) &&
        !isInZoneKind(graph, f.to, ['internet']) &&
        found.has(f.id),
    );
    if (guestFlows.length > 0) {
      result.push(
        e.contradicts(
          [...guestFlows.map((f) => f.id), ...guestFlows.map((f) => f.to)],
          `the guest Wi-Fi reaches internal systems: ${ids(guestFlows.map((f) => f.id))}`,
          `le Wi-Fi invités atteint des systèmes internes : ${ids(guestFlows.map((f) => f.id))}`,
        ),
      );
    }
    return result;
  },
  { rules: WIFI_RULES },
);

const CLEARTEXT_RULES = [cleartextProtocol, cleartextAdminProtocol, unencryptedSensitiveFlow];

export const cleartextProtocols = defineEvidenceCheck(
  'cleartext-protocols',
  21,
  text(
    'Cleartext protocols on flows and administration interfaces',
    'Protocoles en clair sur les flux et interfaces d’administration',
  ),
  (context, e) => {
    const { model } = context;
    const found = gapEntities(context, CLEARTEXT_RULES);
    const result: Evidence[] = [];
    const flows = model.flows.filter(
      (f) => CLEARTEXT_PROTOCOLS.includes(f.protocol) && !isFlowEncrypted(f) && found.has(f.id),
    );
    if (flows.length > 0) {
      const list = flows.map((f) => `${f.id} (${f.protocol})`);
      result.push(
        e.contradicts(
          flows.map((f) => f.id),
          `flows use cleartext protocols: ${ids(list)}`,
          `des flux utilisent des protocoles en clair : ${ids(list)}`,
        ),
      );
    }
    const admin = model.assets.filter(
      (a) =>
        found.has(a.id) &&
        (a.adminInterfaces ?? []).some((i) => i.protocol === 'telnet' || i.protocol === 'http'),
    );
    if (admin.length > 0) {
      result.push(
        e.contradicts(
          admin.map((a) => a.id),
          `administration over Telnet or HTTP: ${ids(admin.map((a) => a.id))}`,
          `administration en Telnet ou HTTP : ${ids(admin.map((a) => a.id))}`,
        ),
      );
    }
    return result;
  },
  { rules: CLEARTEXT_RULES },
);

export const internetGateway = defineEvidenceCheck(
  'internet-gateway',
  22,
  text(
    'User access to the Internet through a filtering proxy',
    'Accès des utilisateurs à Internet par un proxy filtrant',
  ),
  (context, e) => {
    const { graph, model } = context;
    const found = gapEntities(context, [outboundInternetWithoutProxy]);
    // guest Wi-Fi is left out: a dedicated Internet access is what the guide asks for guests
    const outbound = model.flows.filter(
      (f) =>
        isInZoneKind(graph, f.from, ['user', 'wifi']) &&
        !isInZoneKind(graph, f.from, ['guest-wifi']) &&
        isOutside(graph, f.to),
    );
    const direct = outbound.filter((f) => !passesThrough(graph, f, ['proxy']) && found.has(f.id));
    const proxied = outbound.filter(
      (f) => passesThrough(graph, f, ['proxy']) && e.undisputed([f.id]).length > 0,
    );
    const result: Evidence[] = [];
    if (direct.length > 0)
      result.push(
        e.contradicts(
          direct.map((f) => f.id),
          `user zones reach the Internet without a proxy: ${ids(direct.map((f) => f.id))}`,
          `des zones utilisateurs accèdent à Internet sans proxy : ${ids(direct.map((f) => f.id))}`,
        ),
      );
    if (proxied.length > 0)
      result.push(
        e.supports(
          proxied.map((f) => f.id),
          `user flows to the Internet go through a proxy: ${ids(proxied.map((f) => f.id))}`,
          `des flux utilisateurs vers Internet passent par un proxy : ${ids(proxied.map((f) => f.id))}`,
        ),
      );
    return result;
  },
  { rules: [outboundInternetWithoutProxy] },
);

const EXPOSURE_RULES = [
  internetExposedOutsideDmz,
  internetExposedAdminService,
  internetExposedInternalService,
];

export const exposedOutsideDmz = defineEvidenceCheck(
  'exposed-outside-dmz',
  23,
  text(
    'Services reachable from the Internet outside a DMZ',
    'Services joignables depuis Internet hors d’une DMZ',
  ),
  (context, e) => {
    const { graph, model } = context;
    const found = gapEntities(context, EXPOSURE_RULES);
    const inbound = model.flows.filter(
      (f) => isInZoneKind(graph, f.from, ['internet']) && !isOutside(graph, f.to),
    );
    const outside = inbound.filter(
      (f) => !isInZoneKind(graph, f.to, ['dmz']) && (found.has(f.id) || found.has(f.to)),
    );
    const admin = model.assets.filter(
      (a) =>
        found.has(a.id) &&
        !isInZoneKind(graph, a.id, ['dmz', 'internet', 'cloud']) &&
        (a.adminInterfaces ?? []).some((i) =>
          (i.from ?? []).some((z) => isInZoneKind(graph, z, ['internet'])),
        ),
    );
    const result: Evidence[] = [];
    if (outside.length + admin.length > 0) {
      const subjects = [...outside.flatMap((f) => [f.id, f.to]), ...admin.map((a) => a.id)];
      const names = [...outside.map((f) => `${f.to} (${f.id})`), ...admin.map((a) => a.id)];
      result.push(
        e.contradicts(
          subjects,
          `reachable from the Internet outside a DMZ: ${ids(names)}`,
          `joignables depuis Internet hors d’une DMZ : ${ids(names)}`,
        ),
      );
    }
    const inDmz = inbound.filter(
      (f) => isInZoneKind(graph, f.to, ['dmz']) && e.undisputed([f.to]).length > 0,
    );
    if (inDmz.length > 0)
      result.push(
        e.supports(
          inDmz.map((f) => f.to),
          `exposed services in a DMZ: ${ids([...new Set(inDmz.map((f) => f.to))])}`,
          `services exposés placés en DMZ : ${ids([...new Set(inDmz.map((f) => f.to))])}`,
        ),
      );
    return result;
  },
  {
    rules: EXPOSURE_RULES,
    unrelated: {
      'internet-exposed-without-waf': 'what filters an exposed service, not where it is placed',
      'internet-exposed-vulnerable-service':
        'a known flaw of an exposed service, not its placement',
    },
  },
);

export const mailDomains = defineEvidenceCheck(
  'mail-domains',
  24,
  text('SPF and DMARC on the mail domains', 'SPF et DMARC sur les domaines de messagerie'),
  ({ model }, e) => {
    const org = model.organisation?.id ?? 'organisation';
    return (model.organisation?.domains ?? []).flatMap((domain) => {
      // DMARC read as the mail rules read it: p=none contradicts, a policy not known (unknown
      // or left out) is worded as such and proves nothing by itself
      const state = dmarcState(domain);
      const dmarc = dmarcWording(domain);
      if (domain.spf === true && state === 'enforced')
        return [
          e.supports(
            [org],
            `${domain.name}: SPF and DMARC ${domain.dmarc ?? ''}`,
            `${domain.name} : SPF et DMARC ${domain.dmarc ?? ''}`,
          ),
        ];
      if (domain.spf === true && state === 'unknown') return [];
      const en = state === 'monitoring' ? 'DMARC none' : state === 'unknown' ? dmarc.en : '';
      const fr = state === 'monitoring' ? 'DMARC none' : state === 'unknown' ? dmarc.fr : '';
      return [
        e.contradicts(
          [org],
          `${domain.name}: ${domain.spf === true ? '' : `no SPF${en === '' ? '' : '; '}`}${en}`,
          `${domain.name} : ${domain.spf === true ? '' : `pas de SPF${fr === '' ? '' : ' ; '}`}${fr}`,
        ),
      ];
    });
  },
);

export const partnerInterconnections = defineEvidenceCheck(
  'partner-interconnections',
  25,
  text('Unencrypted flows with partner zones', 'Flux non chiffrés avec les zones partenaires'),
  (context, e) => {
    const { graph, model } = context;
    const found = gapEntities(context, CLEARTEXT_RULES);
    const flows = model.flows.filter(
      (f) =>
        (isInZoneKind(graph, f.from, ['partner']) || isInZoneKind(graph, f.to, ['partner'])) &&
        !isFlowEncrypted(f) &&
        found.has(f.id),
    );
    return flows.length === 0
      ? []
      : [
          e.contradicts(
            flows.map((f) => f.id),
            `unencrypted partner interconnections: ${ids(flows.map((f) => f.id))}`,
            `interconnexions partenaires non chiffrées : ${ids(flows.map((f) => f.id))}`,
          ),
        ];
  },
  { rules: CLEARTEXT_RULES },
);
