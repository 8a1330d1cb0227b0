/**
 * What the scope's diagnostics and refusals say, in English and French (the audit keeps its
 * texts beside its code, as campaign/results.ts does; the CLI picks the locale).
 */
import type { Locale } from '../../i18n/index.js';

const MESSAGES = {
  'scope-file-too-large': {
    en: 'the scope file is too large ({size} bytes); the limit is {limit} bytes',
    fr: 'le fichier de périmètre est trop gros ({size} octets) ; la limite est de {limit} octets',
  },
  'scope-yaml-syntax': {
    en: 'YAML syntax error: {detail}',
    fr: 'erreur de syntaxe YAML : {detail}',
  },
  'scope-not-mapping': {
    en: 'a scope file is a YAML mapping (targets:, ports:, exclude:…), found {found}',
    fr: 'un fichier de périmètre est un dictionnaire YAML (targets:, ports:, exclude:…), trouvé : {found}',
  },
  'scope-unknown-key': {
    en: 'unknown property "{key}"{hint}',
    fr: 'propriété inconnue « {key} »{hint}',
  },
  'scope-type': {
    en: '{path}: expected {expected}',
    fr: '{path} : {expected} attendu',
  },
  'scope-enum': {
    en: '{path}: "{value}" is not one of {options}',
    fr: '{path} : « {value} » n’est pas l’une des valeurs {options}',
  },
  'scope-invalid': { en: '{path}: invalid value', fr: '{path} : valeur invalide' },
  'scope-bad-ip': {
    en: '"{value}" is not a valid IP address',
    fr: '« {value} » n’est pas une adresse IP valide',
  },
  'scope-bad-host': {
    en: '"{value}" is neither an IP address nor a host name',
    fr: '« {value} » n’est ni une adresse IP ni un nom d’hôte',
  },
  'scope-bad-cidr': {
    en: '"{value}" is not a valid CIDR (address/prefix, e.g. 127.0.0.0/28)',
    fr: '« {value} » n’est pas un CIDR valide (adresse/préfixe, par exemple 127.0.0.0/28)',
  },
  'scope-cidr-too-large': {
    en: '"{value}" holds more than {limit} addresses; split it or narrow the prefix',
    fr: '« {value} » contient plus de {limit} adresses ; découpez-le ou réduisez le préfixe',
  },
  'scope-bad-address': {
    en: '"{value}" is neither an IP address nor a CIDR',
    fr: '« {value} » n’est ni une adresse IP ni un CIDR',
  },
  'scope-port-range': {
    en: '{value} is not a TCP port (1–65535)',
    fr: '{value} n’est pas un port TCP (1–65535)',
  },
  'scope-bad-port-range': {
    en: '"{value}" is not a port or a port range (e.g. 22 or "8000-8100", start ≤ end, 1–65535)',
    fr: '« {value} » n’est ni un port ni une plage de ports (par exemple 22 ou "8000-8100", début ≤ fin, 1–65535)',
  },
  'scope-map-port': {
    en: 'map: "{value}" is not a TCP port (1–65535)',
    fr: 'map : « {value} » n’est pas un port TCP (1–65535)',
  },
  'scope-limit-range': {
    en: '{path}: {value} is out of bounds ({min}–{max})',
    fr: '{path} : {value} est hors des bornes ({min}–{max})',
  },
  'scope-bad-duration': {
    en: '"{value}" is not a duration (e.g. 1500ms or 2s)',
    fr: '« {value} » n’est pas une durée (par exemple 1500ms ou 2s)',
  },
  'scope-timeout-range': {
    en: 'timeout {value} is out of bounds (50 ms–30 s)',
    fr: 'le délai {value} est hors des bornes (50 ms–30 s)',
  },
  'scope-target-shape': {
    en: 'a target is one of: host (with an optional asset), cidr, or asset alone',
    fr: 'une cible est l’une de : host (avec un asset facultatif), cidr, ou asset seul',
  },
  'scope-exclude-empty': {
    en: 'an exclusion names a host, a port or both',
    fr: 'une exclusion désigne un hôte, un port ou les deux',
  },
  'scope-bad-resolver': {
    en: '"{value}" is not a resolver (an IP address with an optional port: 127.0.0.1:5353, [::1]:53)',
    fr: '« {value} » n’est pas un résolveur (une adresse IP avec un port facultatif : 127.0.0.1:5353, [::1]:53)',
  },
  'scope-bad-domain': {
    en: '"{value}" is not a domain name',
    fr: '« {value} » n’est pas un nom de domaine',
  },
  'scope-duplicate-target': {
    en: 'target "{value}" is already listed at line {other}',
    fr: 'la cible « {value} » figure déjà ligne {other}',
  },
  'scope-unknown-asset': {
    en: 'no asset "{value}" in the model{hint}',
    fr: 'aucun actif « {value} » dans le modèle{hint}',
  },
  'scope-no-model': {
    en: 'asset "{value}" is named but no model is given (--model)',
    fr: 'l’actif « {value} » est nommé mais aucun modèle n’est fourni (--model)',
  },
  'scope-asset-no-address': {
    en: 'asset "{value}" has no address in the model: map it with host: to scan it',
    fr: 'l’actif « {value} » n’a pas d’adresse dans le modèle : associez-le à un host: pour l’analyser',
  },
  'scope-model-none': {
    en: 'asset "{value}" is ignored: the scope says model: none',
    fr: 'l’actif « {value} » est ignoré : le périmètre indique model: none',
  },
  'scope-unknown-zone': {
    en: 'vantage: no zone "{value}" in the model{hint}',
    fr: 'vantage : aucune zone « {value} » dans le modèle{hint}',
  },
  'scope-unresolved-host': {
    en: 'host name "{value}" could not be resolved{detail}',
    fr: 'le nom d’hôte « {value} » n’a pas pu être résolu{detail}',
  },
  'scope-no-target': {
    en: 'the scope has no target: nothing would be audited',
    fr: 'le périmètre n’a aucune cible : rien ne serait audité',
  },
  'hint-did-you-mean': {
    en: ' (did you mean "{value}"?)',
    fr: ' (vouliez-vous dire « {value} » ?)',
  },
  'refuse-bad-address': {
    en: '{address} is not an IP address',
    fr: '{address} n’est pas une adresse IP',
  },
  'refuse-excluded-host': {
    en: '{address} is excluded by line {line} of {file}',
    fr: '{address} est exclue par la ligne {line} de {file}',
  },
  'refuse-excluded-port': {
    en: 'port {port} of {address} is excluded by line {line} of {file}',
    fr: 'le port {port} de {address} est exclu par la ligne {line} de {file}',
  },
  'refuse-not-target': {
    en: '{address} is not in the scope of {file} (no host, CIDR or model asset holds it)',
    fr: '{address} n’est pas dans le périmètre de {file} (aucun hôte, CIDR ni actif du modèle ne la contient)',
  },
  'refuse-port': {
    en: 'port {port} of {address} is not among the ports the scope of {file} allows for it',
    fr: 'le port {port} de {address} ne fait pas partie des ports que le périmètre de {file} autorise pour elle',
  },
  'refuse-udp': {
    en: 'UDP to {address}:{port} is refused: only the DNS resolver of {file} is queried over UDP',
    fr: 'UDP vers {address}:{port} refusé : seul le résolveur DNS de {file} est interrogé en UDP',
  },
} as const;

export type ScopeMessageCode = keyof typeof MESSAGES;

/** The message of `code` in `locale`, with `{name}` replaced by `values`. */
export function scopeMessage(
  code: ScopeMessageCode,
  locale: Locale,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[code][locale].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** True for a code this table knows (refinement codes come from the schema). */
export function isScopeMessageCode(code: string): code is ScopeMessageCode {
  return Object.hasOwn(MESSAGES, code);
}
