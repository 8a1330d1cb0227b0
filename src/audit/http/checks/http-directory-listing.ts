import { text } from '../../../design/text.js';
import { ANSSI_WEB, cwe, wstg, type HttpCheck } from './support.js';

export const httpDirectoryListing: HttpCheck = {
  id: 'http-directory-listing',
  domain: 'http',
  title: text('Directory listing enabled', 'Listage de répertoire activé'),
  description: text(
    'The server lists the content of a directory (nginx autoindex, Apache Indexes, IIS directory browsing).',
    'Le serveur affiche le contenu d’un répertoire (autoindex de nginx, Indexes d’Apache, directory browsing d’IIS).',
  ),
  rationale: text(
    'Anyone can browse the files, including those never linked (backups, exports, configuration copies), without authentication or user interaction; what leaks depends on what the directory holds.',
    'N’importe qui peut parcourir les fichiers, y compris ceux qui ne sont liés nulle part (sauvegardes, exports, copies de configuration), sans authentification ni action d’un utilisateur ; ce qui fuit dépend du contenu du répertoire.',
  ),
  remediation: text(
    'Disable listings (nginx: autoindex off; Apache: Options -Indexes; IIS: directoryBrowse enabled="false") and remove from the web root what must not be public.',
    'Désactiver le listage (nginx : autoindex off; Apache : Options -Indexes ; IIS : directoryBrowse enabled="false") et retirer de la racine web ce qui ne doit pas être public.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    wstg('WSTG-CONF-04', 'Review Old Backup and Unreferenced Files for Sensitive Information'),
    ANSSI_WEB,
    cwe(548, 'Exposure of Information Through Directory Listing'),
  ],
  evaluate(observation) {
    return observation.paths
      .filter((path) => path.kind === 'listing' && path.matched)
      .map((path) => ({
        subject: `${observation.subject}${path.path}`,
        detail: text(
          `${path.path} is a ${path.label}.`,
          `${path.path} est un listage de répertoire (${path.label}).`,
        ),
        evidence: `GET ${path.path} → ${String(path.status)}\n${path.evidence}`,
      }));
  },
};
