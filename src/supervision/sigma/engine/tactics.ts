import type { SigmaText } from '../types.js';

/** MITRE ATT&CK tactics (Enterprise and ICS) as Sigma tags name them (`attack.<slug>`). */
export const TACTICS: Readonly<Record<string, SigmaText>> = {
  reconnaissance: { en: 'Reconnaissance', fr: 'Reconnaissance' },
  'resource-development': { en: 'Resource development', fr: 'Développement de ressources' },
  'initial-access': { en: 'Initial access', fr: 'Accès initial' },
  execution: { en: 'Execution', fr: 'Exécution' },
  persistence: { en: 'Persistence', fr: 'Persistance' },
  'privilege-escalation': { en: 'Privilege escalation', fr: 'Élévation de privilèges' },
  'defense-evasion': { en: 'Defense evasion', fr: 'Contournement des défenses' },
  'credential-access': { en: 'Credential access', fr: 'Accès aux identifiants' },
  discovery: { en: 'Discovery', fr: 'Découverte' },
  'lateral-movement': { en: 'Lateral movement', fr: 'Mouvement latéral' },
  collection: { en: 'Collection', fr: 'Collecte' },
  'command-and-control': { en: 'Command and control', fr: 'Commande et contrôle' },
  exfiltration: { en: 'Exfiltration', fr: 'Exfiltration' },
  impact: { en: 'Impact', fr: 'Impact' },
  'inhibit-response-function': {
    en: 'Inhibit response function',
    fr: 'Inhibition des fonctions de réponse',
  },
  'impair-process-control': {
    en: 'Impair process control',
    fr: 'Altération du contrôle du procédé',
  },
  evasion: { en: 'Evasion (ICS)', fr: 'Évasion (ICS)' },
};

/** The tactics a rule's tags name (`attack.execution` → `execution`), in tag order. */
export function tacticsOf(tags: readonly string[]): string[] {
  const result: string[] = [];
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (!lower.startsWith('attack.')) continue;
    const slug = lower.slice(7).replace(/_/g, '-');
    if (slug in TACTICS && !result.includes(slug)) result.push(slug);
  }
  return result;
}
