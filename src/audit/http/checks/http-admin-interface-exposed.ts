import { text } from '../../../design/text.js';
import { ANSSI_WEB, cwe, wstg, type HttpCheck } from './support.js';

export const httpAdminInterfaceExposed: HttpCheck = {
  id: 'http-admin-interface-exposed',
  domain: 'http',
  title: text('Administration interface exposed', 'Interface d’administration exposée'),
  description: text(
    'A well-known administration or monitoring page (server status, phpMyAdmin, Tomcat manager, Spring actuator, WordPress admin…) answers on the site.',
    'Une page connue d’administration ou de supervision (état du serveur, phpMyAdmin, Tomcat manager, Spring actuator, administration WordPress…) répond sur le site.',
  ),
  rationale: text(
    'Administration interfaces are the first target of password guessing and of their own vulnerabilities; status pages leak internal addresses and requests. Reached without authentication from the scan’s position, they give information and often a way in.',
    'Les interfaces d’administration sont la première cible du devinement de mots de passe et de leurs propres vulnérabilités ; les pages d’état divulguent adresses et requêtes internes. Accessibles sans authentification depuis la position du scan, elles donnent de l’information et souvent un point d’entrée.',
  ),
  remediation: text(
    'Restrict administration paths to the administration network (nginx: allow <admin subnet>; deny all;), behind strong authentication, or remove them; ANSSI recommends a dedicated administration channel.',
    'Restreindre les chemins d’administration au réseau d’administration (nginx : allow <sous-réseau d’admin>; deny all;), derrière une authentification forte, ou les supprimer ; l’ANSSI recommande un canal d’administration dédié.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N',
  references: [
    wstg('WSTG-CONF-05', 'Enumerate Infrastructure and Application Admin Interfaces'),
    {
      source: 'anssi',
      id: 'ANSSI-PA-022',
      title: 'Recommandations relatives à l’administration sécurisée des SI',
      url: 'https://cyber.gouv.fr/publications/securiser-ladministration-des-systemes-dinformation',
    },
    ANSSI_WEB,
    cwe(284, 'Improper Access Control'),
  ],
  evaluate(observation) {
    return observation.paths
      .filter((path) => path.kind === 'admin' && path.matched)
      .map((path) => ({
        subject: `${observation.subject}${path.path}`,
        detail: text(
          `${path.path} answers as ${path.label} (HTTP ${String(path.status)}).`,
          `${path.path} répond comme ${path.label} (HTTP ${String(path.status)}).`,
        ),
        evidence: `GET ${path.path} → ${String(path.status)}\n${path.evidence}`,
      }));
  },
};
