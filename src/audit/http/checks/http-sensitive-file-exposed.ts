import { text } from '../../../design/text.js';
import { ANSSI_WEB, cwe, wstg, type HttpCheck } from './support.js';

export const httpSensitiveFileExposed: HttpCheck = {
  id: 'http-sensitive-file-exposed',
  domain: 'http',
  title: text('Sensitive file downloadable', 'Fichier sensible téléchargeable'),
  description: text(
    'A file that must never be served is downloadable: source control metadata (.git, .svn), environment or password files, database dumps, configuration endpoints.',
    'Un fichier qui ne doit jamais être servi est téléchargeable : métadonnées de gestion de sources (.git, .svn), fichiers d’environnement ou de mots de passe, sauvegardes de base, points d’accès de configuration.',
  ),
  rationale: text(
    'Such files give the application’s source code, secrets (database passwords, API keys) or password hashes to anyone, without authentication: a direct path to compromise.',
    'Ces fichiers livrent à n’importe qui, sans authentification, le code source de l’application, des secrets (mots de passe de base, clés d’API) ou des empreintes de mots de passe : un chemin direct vers la compromission.',
  ),
  remediation: text(
    'Remove these files from the web root and deny hidden files at the server (nginx: location ~ /\\. { deny all; }; Apache: RedirectMatch 404 /\\.); rotate any secret they exposed.',
    'Retirer ces fichiers de la racine web et refuser les fichiers cachés au niveau du serveur (nginx : location ~ /\\. { deny all; } ; Apache : RedirectMatch 404 /\\.) ; renouveler tout secret exposé.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
  references: [
    wstg('WSTG-CONF-04', 'Review Old Backup and Unreferenced Files for Sensitive Information'),
    ANSSI_WEB,
    cwe(538, 'Insertion of Sensitive Information into Externally-Accessible File or Directory'),
    cwe(527, 'Exposure of Version-Control Repository to an Unauthorized Control Sphere'),
  ],
  evaluate(observation) {
    return observation.paths
      .filter((path) => path.kind === 'sensitive' && path.matched)
      .map((path) => ({
        subject: `${observation.subject}${path.path}`,
        detail: text(
          `${path.path} is served: ${path.label}.`,
          `${path.path} est servi : ${path.label}.`,
        ),
        evidence: `GET ${path.path} → ${String(path.status)}\n${path.evidence}`,
      }));
  },
};
