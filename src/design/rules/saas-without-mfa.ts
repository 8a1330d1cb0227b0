import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { brokerAssets } from './support-remote-support.js';
import { dataHeldBy } from './support-resilience.js';
import { isCloudAsset, label } from '../../model/predicates.js';

const METHODS: Readonly<Record<string, readonly [string, string]>> = {
  password: ['password', 'mot de passe'],
  directory: ['directory', 'annuaire'],
  sso: ['single sign-on', 'authentification unique'],
};

/** Non-interactive methods, for which a second factor does not apply. */
const MACHINE_METHODS: readonly string[] = ['key', 'certificate'];

export const saasWithoutMfa: Rule = {
  id: 'saas-without-mfa',
  family: 'cloud',
  title: text(
    'Cloud service without multi-factor authentication',
    'Service en nuage sans authentification multifacteur',
  ),
  description: text(
    'A SaaS or cloud service, reachable from anywhere on the Internet, lets users sign in without a second factor.',
    'Un service SaaS ou en nuage, joignable de partout sur Internet, permet aux utilisateurs de se connecter sans second facteur.',
  ),
  rationale: text(
    'Cloud services are exposed to the whole Internet: phished or reused passwords and password spraying give direct access to their data, with no network barrier in between.',
    'Les services en nuage sont exposés à tout Internet : mots de passe hameçonnés ou réutilisés et attaques par pulvérisation donnent un accès direct à leurs données, sans barrière réseau intermédiaire.',
  ),
  remediation: text(
    'Enforce MFA on the service, preferably through the organisation’s identity provider (SSO with conditional access), and disable local password logins except for a protected break-glass account.',
    'Imposer le MFA sur le service, de préférence via le fournisseur d’identité de l’organisation (SSO avec accès conditionnel), et désactiver les connexions locales par mot de passe hormis un compte de secours protégé.',
  ),
  falsePositives: text(
    'Single sign-on whose identity provider enforces MFA: declare mfa: true on the service. API access by key or certificate is not reported.',
    'Authentification unique dont le fournisseur d’identité impose le MFA : déclarer mfa: true sur le service. Les accès d’API par clé ou certificat ne sont pas signalés.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:13', 'hygiene:3'],
    iso27002: ['8.5', '5.23'],
    cwe: ['CWE-308'],
    attack: ['T1078.004', 'T1110.003', 'M1032'],
  },
  evaluate({ model, graph }) {
    // a remote-support broker holding no data of its own is the vendor's relay: the MFA of the
    // sessions through it is vendor-remote-support-uncontrolled's (one fact, one finding)
    const brokers = brokerAssets(model);
    return model.assets
      .filter((asset) => isCloudAsset(graph, asset))
      .filter((asset) => !brokers.has(asset.id) || dataHeldBy(graph, asset.id).data.length > 0)
      .filter((asset) => asset.authentication?.mfa !== true)
      .filter((asset) => !MACHINE_METHODS.includes(asset.authentication?.method ?? ''))
      .map((asset) => {
        const method = asset.authentication?.method;
        const names = method === undefined ? undefined : METHODS[method];
        const data = dataHeldBy(graph, asset.id).data.map((set) => set.id);
        const open = method === 'none';
        return hit(
          asset.id,
          text(
            open
              ? `${label(graph, asset.id)} requires no authentication at all.`
              : `${label(graph, asset.id)} accepts ${names === undefined ? 'logins' : `${names[0]} logins`} without MFA${asset.authentication?.mfa === undefined ? ' (MFA not declared)' : ''}.`,
            open
              ? `${label(graph, asset.id)} n’exige aucune authentification.`
              : `${label(graph, asset.id)} accepte des connexions${names === undefined ? '' : ` par ${names[1]}`} sans MFA${asset.authentication?.mfa === undefined ? ' (MFA non déclaré)' : ''}.`,
          ),
          { related: data, ...(open ? { likelihood: 4 as const } : {}) },
        );
      });
  },
};
