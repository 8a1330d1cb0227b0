import { IT_WORKSTATION_KINDS } from '../../domain/model/index.js';
import { hit, type Level, type Rule, type RuleHit } from '../rule.js';
import { text } from '../text.js';
import { list, named, unique } from './support-exposure.js';
import { isOtEndpoint } from '../../model/predicates.js';

/** PLC and safety programming suites (vendor tools that can download programs to controllers). */
const ENGINEERING_TOOLS =
  /tia portal|step ?7|simatic manager|unity pro|control expert|somachine|machine expert|rslogix|studio 5000|codesys|gx works|sysmac studio|twincat|pl7 pro|connected components workbench/i;

export const otEngineeringSoftwareOnItWorkstation: Rule = {
  id: 'ot-engineering-software-on-it-workstation',
  family: 'it-ot',
  title: text(
    'PLC programming software on office workstations',
    'Logiciel de programmation d’automates sur des postes bureautiques',
  ),
  description: text(
    'A workstation outside the OT network (office, laptop) has PLC engineering software installed (TIA Portal, STEP 7, Control Expert, Studio 5000, CODESYS…).',
    'Un poste hors du réseau industriel (bureautique, portable) a un logiciel d’ingénierie d’automates installé (TIA Portal, STEP 7, Control Expert, Studio 5000, CODESYS…).',
  ),
  rationale: text(
    'Engineering software can stop controllers and download programs to them; on an office workstation that reads mail and browses the Web, a single compromise gives an attacker the tool and the rights to sabotage production.',
    'Un logiciel d’ingénierie peut arrêter les automates et leur télécharger des programmes ; sur un poste bureautique qui lit la messagerie et navigue sur le Web, une seule compromission donne à l’attaquant l’outil et les droits pour saboter la production.',
  ),
  remediation: text(
    'Uninstall the software from office workstations; program controllers only from dedicated engineering workstations inside OT (or reached through a bastion in an industrial DMZ), and protect PLC projects with passwords and change control.',
    'Désinstaller le logiciel des postes bureautiques ; ne programmer les automates que depuis des postes d’ingénierie dédiés situés dans l’OT (ou atteints par un bastion en DMZ industrielle), et protéger les projets d’automates par mot de passe et gestion des modifications.',
  ),
  falsePositives: text(
    'Software kept for offline project editing only, with no route to the controllers, is reported with a lower likelihood: accept it with that justification.',
    'Un logiciel conservé pour l’édition de projets hors ligne seulement, sans route vers les automates, est signalé avec une vraisemblance moindre : l’accepter avec cette justification.',
  ),
  likelihood: 3,
  impact: ['integrity', 'availability'],
  references: {
    anssi: ['hygiene:19', 'admin:R9', 'admin:R13'],
    iso27002: ['8.19', '8.22'],
    cwe: ['CWE-668'],
    attack: ['T0843', 'T0853', 'M0930'],
  },
  evaluate({ graph, model }) {
    const hits: RuleHit[] = [];
    for (const asset of model.assets) {
      if (!IT_WORKSTATION_KINDS.includes(asset.kind) || isOtEndpoint(graph, asset.id)) continue;
      const tools = (asset.software ?? []).filter((s) => ENGINEERING_TOOLS.test(s.name));
      if (tools.length === 0) continue;
      // OT assets that the workstation (or its zone) reaches by declared flows
      const reached = graph.outgoingFlows(asset.id).filter((flow) => isOtEndpoint(graph, flow.to));
      const targets = unique(reached.map((f) => f.to));
      const names = list(
        tools.map((t) => `${t.name}${t.version === undefined ? '' : ` ${t.version}`}`),
      );
      const likelihood: Level = targets.length > 0 ? 3 : 2;
      hits.push(
        hit(
          asset.id,
          text(
            `${named(graph, asset.id)} runs ${names}${targets.length > 0 ? `, and reaches OT assets ${list(targets)} (${list(reached.map((f) => f.id))})` : ''}.`,
            `${named(graph, asset.id)} fait tourner ${names}${targets.length > 0 ? `, et atteint les actifs OT ${list(targets)} (${list(reached.map((f) => f.id))})` : ''}.`,
          ),
          { likelihood, related: unique([...targets, ...reached.map((f) => f.id)]) },
        ),
      );
    }
    return hits;
  },
};
