import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { named } from './support-exposure.js';
import { isInZoneKind } from '../../model/predicates.js';

export const weakWifiSecurity: Rule = {
  id: 'weak-wifi-security',
  family: 'wifi',
  title: text('Weak Wi-Fi security', 'Sécurité Wi-Fi faible'),
  description: text(
    'A Wi-Fi access point is open, uses WEP, or protects a non-guest network with a shared key (WPA2-PSK) instead of individual authentication.',
    'Une borne Wi-Fi est ouverte, utilise WEP, ou protège un réseau autre qu’invités par une clé partagée (WPA2-PSK) au lieu d’une authentification individuelle.',
  ),
  rationale: text(
    'WEP is broken in minutes and an open network lets anyone in range join; a shared key leaks with every person who knows it, cannot be revoked for one person, and allows offline cracking of the handshake.',
    'WEP se casse en quelques minutes et un réseau ouvert laisse entrer quiconque est à portée ; une clé partagée fuit avec chaque personne qui la connaît, ne peut pas être révoquée pour une seule personne, et permet de casser la poignée de main hors ligne.',
  ),
  remediation: text(
    'Use WPA2/WPA3-Enterprise (802.1X, individual credentials or certificates) for internal networks; for guests, WPA3-SAE or WPA2-PSK with a key changed regularly, on an isolated network.',
    'Utiliser WPA2/WPA3-Entreprise (802.1X, identifiants individuels ou certificats) pour les réseaux internes ; pour les invités, WPA3-SAE ou WPA2-PSK avec une clé changée régulièrement, sur un réseau isolé.',
  ),
  falsePositives: text(
    'A shared key on a guest network is reported with the lowest likelihood: acceptable when the network is isolated and the key is rotated.',
    'Une clé partagée sur un réseau invités est signalée avec la plus faible vraisemblance : acceptable si le réseau est isolé et la clé renouvelée.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:20'],
    iso27002: ['8.20', '8.5'],
    cwe: ['CWE-326', 'CWE-306'],
    attack: ['T1133', 'M1041'],
  },
  evaluate({ graph, model }) {
    const hits: RuleHit[] = [];
    for (const asset of model.assets) {
      const security = asset.wifi?.security;
      if (security === undefined) continue;
      const guest = isInZoneKind(graph, asset.id, ['guest-wifi']);
      let likelihood: Level;
      if (security === 'wep' || (security === 'open' && !guest)) likelihood = 4;
      else if (security === 'wpa2-psk') likelihood = guest ? 1 : 3;
      else if (security === 'open') likelihood = 2;
      else continue;
      const ssid = asset.wifi?.ssid === undefined ? '' : ` «\u00a0${asset.wifi.ssid}\u00a0»`;
      const ssidEn = asset.wifi?.ssid === undefined ? '' : ` "${asset.wifi.ssid}"`;
      hits.push(
        hit(
          asset.id,
          text(
            `${named(graph, asset.id)}: SSID${ssidEn} secured with ${security}${guest ? ' (guest network)' : ''}.`,
            `${named(graph, asset.id)} : SSID${ssid} sécurisé en ${security}${guest ? ' (réseau invités)' : ''}.`,
          ),
          { likelihood, related: asset.zone === undefined ? [] : [asset.zone] },
        ),
      );
    }
    return hits;
  },
};
