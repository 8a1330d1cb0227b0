import { text } from '../../../design/text.js';
import { ANSSI_WEB, cwe, wstg, type HttpCheck } from './support.js';

export const httpDefaultPage: HttpCheck = {
  id: 'http-default-page',
  domain: 'http',
  title: text('Default welcome page served', 'Page d’accueil par défaut servie'),
  description: text(
    'The site root shows the web server’s installation page (nginx, Apache, IIS, Tomcat…).',
    'La racine du site affiche la page d’installation du serveur web (nginx, Apache, IIS, Tomcat…).',
  ),
  rationale: text(
    'A default page means a server put online without being configured: it names the product, often comes with its default modules and samples, and is rarely maintained. It reveals information, hence a low rating.',
    'Une page par défaut signale un serveur mis en ligne sans être configuré : elle nomme le produit, s’accompagne souvent des modules et exemples par défaut, et est rarement maintenue. Elle révèle de l’information, d’où une cote faible.',
  ),
  remediation: text(
    'Remove the default site (Debian: /etc/nginx/sites-enabled/default, /var/www/html/index.*), serve the intended content or stop the server if it has no purpose.',
    'Retirer le site par défaut (Debian : /etc/nginx/sites-enabled/default, /var/www/html/index.*), servir le contenu prévu ou arrêter le serveur s’il ne sert à rien.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
  references: [
    wstg('WSTG-CONF-02', 'Test Application Platform Configuration'),
    ANSSI_WEB,
    cwe(1188, 'Initialization of a Resource with an Insecure Default'),
  ],
  evaluate(observation) {
    const found = observation.defaultPage;
    if (found === null) return [];
    return [
      {
        subject: observation.subject,
        detail: text(
          `/ is the ${found.product} default page.`,
          `/ est la page par défaut de ${found.product}.`,
        ),
        evidence: found.evidence,
      },
    ];
  },
};
