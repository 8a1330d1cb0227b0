/**
 * A small document that uses every block and inline kind, for renderer tests and for looking at
 * what each format makes of it (`node -e` on dist). Not product content.
 */
import { bold, code, italic, link, ref, type ReportDocument } from './model.js';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 140" width="320" height="140"><rect x="10" y="10" width="140" height="60" rx="6" fill="#e8f0fe" stroke="#1a56db"/><text x="80" y="45" font-family="DejaVu Sans" font-size="13" text-anchor="middle">DMZ</text><rect x="170" y="70" width="140" height="60" rx="6" fill="#fdecea" stroke="#b42318"/><text x="240" y="105" font-family="DejaVu Sans" font-size="13" text-anchor="middle">LAN siège</text><path d="M150 40 L240 70" stroke="#333" stroke-width="2" fill="none"/></svg>`;

export function sampleDocument(lang: 'en' | 'fr' = 'en', rows = 60): ReportDocument {
  const fr = lang === 'fr';
  return {
    meta: {
      title: fr
        ? 'Dossier d’architecture technique : test'
        : 'Technical architecture dossier: test',
      subtitle: fr ? 'Document d’essai des rendus' : 'Renderer test document',
      organisation: 'Forges de l’Est',
      version: '1.2',
      date: '2026-11-28',
      author: 'Vigie',
      classification: fr ? 'Diffusion restreinte' : 'Restricted',
      lang,
      history: [
        {
          version: '1.0',
          date: '2026-10-01',
          author: 'A. Martin',
          changes: fr ? 'Création' : 'First issue',
        },
        {
          version: '1.2',
          date: '2026-11-28',
          author: 'Vigie',
          changes: fr ? 'Mise à jour : flux' : 'Update: flows',
        },
      ],
    },
    blocks: [
      { kind: 'toc' },
      {
        kind: 'section',
        id: 'purpose',
        title: fr ? 'Objet et périmètre' : 'Purpose and scope',
        children: [
          {
            kind: 'paragraph',
            content: [
              fr ? 'Ce document décrit ' : 'This document describes ',
              bold(fr ? 'l’architecture' : 'the architecture'),
              ', ',
              italic(fr ? 'ses besoins' : 'its needs'),
              fr ? ' et le flux ' : ' and the flow ',
              code('erp → db:5432'),
              fr ? ' ; voir ' : '; see ',
              ref(fr ? 'la matrice des flux' : 'the flow matrix', 'flows'),
              fr ? ' et ' : ' and ',
              link('ANSSI', 'https://cyber.gouv.fr/'),
              '.',
            ],
          },
          {
            kind: 'list',
            items: [[fr ? 'Premier point' : 'First point'], [bold('Second'), ' point']],
          },
          { kind: 'list', ordered: true, items: [['one'], ['two'], ['three']] },
          {
            kind: 'callout',
            tone: 'todo',
            title: fr ? 'À compléter' : 'To be completed',
            content: [
              fr
                ? 'Le modèle ne décrit pas le plan d’adressage du site de Metz.'
                : 'The model does not give the addressing plan of the Metz site.',
            ],
          },
          { kind: 'callout', tone: 'danger', content: ['Critical: 3 findings.'] },
          { kind: 'callout', tone: 'warning', content: ['Warning.'] },
          { kind: 'callout', tone: 'info', content: ['Note.'] },
          { kind: 'callout', tone: 'success', content: ['OK.'] },
          {
            kind: 'quote',
            content: [
              fr ? 'Cloisonner le système d’information.' : 'Segment the information system.',
            ],
            source: ['ANSSI, ', italic(fr ? 'Guide d’hygiène' : 'Hygiene guide'), ', mesure 19'],
          },
        ],
      },
      {
        kind: 'section',
        id: 'zones',
        title: fr ? 'Sites et zones' : 'Sites and zones',
        children: [
          {
            kind: 'figure',
            id: 'fig-zones',
            svg: SVG,
            width: 320,
            height: 140,
            caption: [fr ? 'Zones et flux' : 'Zones and flows'],
            alt: fr ? 'Deux zones reliées par un flux' : 'Two zones linked by a flow',
          },
          {
            kind: 'section',
            id: 'flows',
            title: fr ? 'Matrice des flux' : 'Flow matrix',
            children: [
              {
                kind: 'table',
                id: 'tab-flows',
                dense: true,
                caption: [fr ? 'Flux autorisés' : 'Allowed flows'],
                columns: [
                  { title: 'Id', width: 1 },
                  { title: fr ? 'Source' : 'Source', width: 2 },
                  { title: fr ? 'Destination' : 'Destination', width: 2 },
                  { title: 'Port', width: 1, align: 'right' },
                  { title: fr ? 'Chiffré' : 'Encrypted', width: 1, align: 'center' },
                  { title: fr ? 'Données portées' : 'Data carried', width: 3 },
                ],
                rows: Array.from({ length: rows }, (_, i) => [
                  [code(`flow-${String(i + 1).padStart(3, '0')}`)],
                  [`srv-app-${String(i % 7)}`],
                  [`db-${String(i % 3)}`],
                  [String(5432 + (i % 5))],
                  [i % 4 === 0 ? (fr ? 'non' : 'no') : fr ? 'oui' : 'yes'],
                  [
                    i % 9 === 0
                      ? 'données clients, commandes, factures, données de production et une très longue description qui doit passer à la ligne dans la cellule'
                      : 'orders',
                  ],
                ]),
              },
            ],
          },
        ],
      },
      {
        kind: 'section',
        id: 'appendix-glossary',
        appendix: true,
        title: fr ? 'Glossaire' : 'Glossary',
        children: [
          {
            kind: 'paragraph',
            content: ['DICP: disponibilité, intégrité, confidentialité, preuve.'],
          },
        ],
      },
    ],
  };
}
