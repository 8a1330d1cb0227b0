import { describe, expect, it } from 'vitest';
import { SEVERITIES, type Diagnostic } from '../../domain/diagnostic.js';
import type { Model } from '../../domain/model/index.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import { createTranslator } from '../../i18n/index.js';
import { ModelGraph } from '../graph.js';
import { loadModel } from '../load.js';
import { MODEL_CHECKS, type ModelCheck } from './index.js';

/** Strips the common indentation of a template literal (and its first newline). */
function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0),
  );
  return `${lines.map((l) => l.slice(indent)).join('\n')}\n`;
}

/** A one-file model: the organisation on line 1 (unless `body` declares its own), then `body`. */
const modelText = (body: string): string =>
  dedent(body).startsWith('organisation:')
    ? dedent(body)
    : `organisation: {name: Test}\n${dedent(body)}`;

const load = (text: string, locale: 'en' | 'fr' = 'en') =>
  loadModel([{ file: 'model.yaml', text }], { t: createTranslator(locale) });

/** The 1-based line of the only line marked `# <-`. */
function markedLine(text: string): number {
  const lines = text.split('\n');
  const marked = lines.flatMap((line, index) => (line.includes('# <-') ? [index + 1] : []));
  if (marked.length !== 1) throw new Error(`expected one "# <-" marker, found ${marked.length}`);
  return marked[0]!;
}

const EMPTY_MODEL: Model = {
  organisation: undefined,
  sites: [],
  zones: [],
  assets: [],
  data: [],
  flows: [],
  identities: [],
  processes: [],
  backups: [],
  measures: [],
  decisions: [],
};

const checkById = (id: string): ModelCheck => {
  const check = MODEL_CHECKS.find((c) => c.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check;
};

const NEEDS = '{availability: 2, integrity: 2, confidentiality: 2, proof: 2}';

interface CheckCase {
  readonly id: string;
  /** A model with exactly one problem, this check's, on the line marked `# <-`. */
  readonly bad: string;
  /** The same model with the problem fixed: no diagnostic at all. */
  readonly good: string;
  readonly path: string;
  readonly message: string;
}

const CASES: readonly CheckCase[] = [
  {
    id: 'address-outside-zone',
    bad: `
      zones:
        - {id: lan, kind: user, subnets: [10.0.0.0/24]}
      assets:
        - id: pc
          kind: workstation
          zone: lan
          addresses: [10.0.0.255, 10.0.1.0] # <-
    `,
    good: `
      zones:
        - {id: lan, kind: user, subnets: [10.0.0.0/24]}
      assets:
        - id: pc
          kind: workstation
          zone: lan
          addresses: [10.0.0.255, 10.0.0.0]
    `,
    path: 'assets[pc].addresses[1]',
    message: 'Address 10.0.1.0 is outside the subnets of zone "lan" (10.0.0.0/24).',
  },
  {
    id: 'asset-site-mismatch',
    bad: `
      sites:
        - {id: hq, kind: head-office}
        - {id: plant, kind: plant}
      zones:
        - {id: corp, kind: other, site: hq}
        - {id: lan, kind: user, parent: corp}
      assets:
        - id: pc
          kind: workstation
          zone: lan
          site: plant # <-
    `,
    good: `
      sites:
        - {id: hq, kind: head-office}
        - {id: plant, kind: plant}
      zones:
        - {id: corp, kind: other, site: hq}
        - {id: lan, kind: user, parent: corp}
      assets:
        - id: pc
          kind: workstation
          zone: lan
          site: hq
    `,
    path: 'assets[pc].site',
    message: 'The asset is declared on site "plant" but its zone "lan" is on site "hq".',
  },
  {
    id: 'asset-without-zone',
    bad: `
      assets:
        - id: pc # <-
          kind: workstation
    `,
    good: `
      assets:
        - id: pc
          kind: saas
    `,
    path: 'assets[pc]',
    message: 'This workstation is in no zone and runs on no host: its exposure cannot be judged.',
  },
  {
    id: 'backup-on-protected-asset',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: hyper, kind: hypervisor, zone: srv}
        - {id: erp, kind: virtual-machine, hostedOn: hyper}
        - {id: nas, kind: storage, zone: srv}
      backups:
        - id: bk-erp
          protects: [erp]
          target: hyper # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: hyper, kind: hypervisor, zone: srv}
        - {id: erp, kind: virtual-machine, hostedOn: hyper}
        - {id: nas, kind: storage, zone: srv}
      backups:
        - id: bk-erp
          protects: [erp]
          target: nas
    `,
    path: 'backups[bk-erp].target',
    message:
      'The backup is stored on "hyper", which is (or hosts) "erp" that it protects: losing one loses both.',
  },
  {
    id: 'data-not-stored',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      data:
        - id: clients # <-
          needs: ${NEEDS}
          storedOn: []
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      data:
        - id: clients
          needs: ${NEEDS}
          storedOn: [db]
    `,
    path: 'data[clients]',
    message: 'The data set is stored on no asset (storedOn is empty).',
  },
  {
    id: 'decision-duplicate-finding',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      decisions:
        - {id: dec-b, finding: weak-tls@db, status: accepted, justification: Legacy.} # <-
        - {id: dec-a, finding: weak-tls@db, status: accepted, justification: Legacy.}
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      decisions:
        - {id: dec-b, finding: no-backup@db, status: accepted, justification: Legacy.}
        - {id: dec-a, finding: weak-tls@db, status: accepted, justification: Legacy.}
    `,
    path: 'decisions[dec-b].finding',
    message: 'Finding "weak-tls@db" already has a risk decision ("dec-a").',
  },
  {
    id: 'decision-unknown-subject',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      decisions:
        - id: dec-a
          finding: weak-tls@dbb # <-
          status: accepted
          justification: Legacy.
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      decisions:
        - id: dec-a
          finding: weak-tls@db
          status: accepted
          justification: Legacy.
    `,
    path: 'decisions[dec-a].finding',
    message: 'The finding is about "dbb", which is not an entity of the model.',
  },
  {
    id: 'duplicate-address',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - id: web-b
          kind: server
          zone: srv
          addresses: [10.0.0.1, '2001:0db8:0:0:0:0:0:1'] # <-
        - {id: web-a, kind: server, zone: srv, addresses: ['2001:db8::1']}
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - id: web-b
          kind: server
          zone: srv
          addresses: [10.0.0.1, '2001:0db8:0:0:0:0:0:2']
        - {id: web-a, kind: server, zone: srv, addresses: ['2001:db8::1']}
    `,
    path: 'assets[web-b].addresses[1]',
    message: 'Address 2001:0db8:0:0:0:0:0:1 is also declared by asset "web-a".',
  },
  {
    id: 'flow-self-loop',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: app, kind: application, zone: srv}
        - {id: db, kind: database, zone: srv}
      flows:
        - id: f-app-db
          from: app
          to: app # <-
          protocol: sql
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: app, kind: application, zone: srv}
        - {id: db, kind: database, zone: srv}
      flows:
        - id: f-app-db
          from: app
          to: db
          protocol: sql
    `,
    path: 'flows[f-app-db].to',
    message: 'The flow goes from "app" to itself.',
  },
  {
    id: 'hosting-cycle',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: vm-b, kind: virtual-machine, hostedOn: vm-a}
        - {id: hyper, kind: hypervisor, zone: srv}
        - {id: vm-a, kind: virtual-machine, hostedOn: vm-b} # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: vm-b, kind: virtual-machine, hostedOn: vm-a}
        - {id: hyper, kind: hypervisor, zone: srv}
        - {id: vm-a, kind: virtual-machine, hostedOn: hyper}
    `,
    path: 'assets[vm-a].hostedOn',
    message: 'Assets run on each other in a loop: vm-a → vm-b → vm-a.',
  },
  {
    id: 'left-before-joined',
    bad: `
      identities:
        - id: alice
          kind: person
          joined: 2024-05-01
          left: 2024-04-30 # <-
    `,
    good: `
      identities:
        - id: alice
          kind: person
          joined: 2024-05-01
          left: 2024-05-01
    `,
    path: 'identities[alice].left',
    message: 'Left on 2024-04-30, before joining on 2024-05-01.',
  },
  {
    id: 'member-of-non-group',
    bad: `
      identities:
        - {id: bob, kind: person}
        - id: alice
          kind: person
          memberOf: [admins, bob] # <-
        - {id: admins, kind: group}
    `,
    good: `
      identities:
        - {id: bob, kind: person}
        - id: alice
          kind: person
          memberOf: [admins]
        - {id: admins, kind: group}
    `,
    path: 'identities[alice].memberOf[1]',
    message: '"bob" is a person, not a group.',
  },
  {
    id: 'needs-missing',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      data:
        - id: clients # <-
          needs: {availability: 2, integrity: 2}
          storedOn: [db]
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      data:
        - id: clients
          needs: {availability: 2, integrity: 2, confidentiality: 1, proof: 1}
          storedOn: [db]
    `,
    path: 'data[clients]',
    message: 'Security needs not stated: confidentiality, proof.',
  },
  {
    id: 'process-dependency-cycle',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - {id: p-c, rto: 4h, rpo: 1h, assets: [db], needs: ${NEEDS}}
        - {id: p-b, rto: 4h, rpo: 1h, assets: [db], needs: ${NEEDS}, dependsOn: [p-a]}
        - id: p-a
          rto: 4h
          rpo: 1h
          assets: [db]
          needs: ${NEEDS}
          dependsOn: [p-c, p-b] # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - {id: p-c, rto: 4h, rpo: 1h, assets: [db], needs: ${NEEDS}}
        - {id: p-b, rto: 4h, rpo: 1h, assets: [db], needs: ${NEEDS}, dependsOn: [p-c]}
        - id: p-a
          rto: 4h
          rpo: 1h
          assets: [db]
          needs: ${NEEDS}
          dependsOn: [p-c, p-b]
    `,
    path: 'processes[p-a].dependsOn[1]',
    message: 'Processes depend on each other in a loop: p-a → p-b → p-a.',
  },
  {
    id: 'process-without-assets',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - {id: p-b, rto: 4h, rpo: 1h, needs: ${NEEDS}, assets: [db]}
        - id: p-a # <-
          rto: 4h
          rpo: 1h
          needs: ${NEEDS}
          assets: []
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - {id: p-b, rto: 4h, rpo: 1h, needs: ${NEEDS}, assets: [db]}
        - id: p-a
          rto: 4h
          rpo: 1h
          needs: ${NEEDS}
          assets: []
          dependsOn: [p-b]
    `,
    path: 'processes[p-a]',
    message: 'The process rests on no supporting asset.',
  },
  {
    id: 'recovery-objectives-missing',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - id: p-a # <-
          rto: 4h
          needs: ${NEEDS}
          assets: [db]
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - id: p-a
          rto: 4h
          rpo: 15min
          needs: ${NEEDS}
          assets: [db]
    `,
    path: 'processes[p-a]',
    message: 'Recovery objectives not stated: rpo.',
  },
  {
    id: 'recovery-team-unknown',
    bad: `
      organisation:
        name: T
        continuity: {teams: [{id: it, name: IT}]}
      zones:
        - {id: srv, kind: server}
      assets:
        - id: db
          kind: database
          zone: srv
          recovery: {team: infra} # <-
    `,
    good: `
      organisation:
        name: T
        continuity: {teams: [{id: it, name: IT}]}
      zones:
        - {id: srv, kind: server}
      assets:
        - id: db
          kind: database
          zone: srv
          recovery: {team: it}
    `,
    path: 'assets[db].recovery.team',
    message:
      'The recovery team “infra” is not among the teams of organisation.continuity.teams (it).',
  },
  {
    id: 'recovery-duration-implausible',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - id: db
          kind: database
          zone: srv
          repairTime: 2d
          recovery: {method: restore, duration: '0'} # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - id: db
          kind: database
          zone: srv
          repairTime: 2d
          recovery: {method: failover, duration: '0'}
    `,
    path: 'assets[db].recovery.duration',
    message:
      'The recovery.duration of 0 is not plausible: a recovery takes more than nothing and less than a year.',
  },
  {
    id: 'backup-frequency-implausible',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      backups:
        - id: bk-db
          protects: [db]
          frequency: 0h # <-
          copies: 100
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      backups:
        - id: bk-db
          protects: [db]
          frequency: 1y
          copies: 100
    `,
    path: 'backups[bk-db].frequency',
    message:
      'The backup frequency of 0h is not plausible: a backup runs at least once a year and not continuously (0), and keeps at most 100 copies.',
  },
  {
    id: 'scenario-target-unknown',
    bad: `
      organisation:
        name: T
        continuity:
          scenarios:
            - {id: fire, scenario: 'site-loss:hq'}
            - {id: cut, scenario: 'link:annex'} # <-
      sites: [{id: hq}]
    `,
    good: `
      organisation:
        name: T
        continuity:
          scenarios:
            - {id: fire, scenario: 'site-loss:hq'}
            - {id: cut, scenario: 'link:hq'}
      sites: [{id: hq}]
    `,
    path: 'organisation.continuity.scenarios[1].scenario',
    message:
      'The scenario “cut” strikes “annex”, which is not a link target of the model (a site, an asset, a provider or a supplier it declares).',
  },
  {
    id: 'redundant-with-itself',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db-2, kind: database, zone: srv}
        - id: db-1
          kind: database
          zone: srv
          redundancy: {mode: active-passive, with: [db-2, db-1]} # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db-2, kind: database, zone: srv}
        - id: db-1
          kind: database
          zone: srv
          redundancy: {mode: active-passive, with: [db-2]}
    `,
    path: 'assets[db-1].redundancy.with[1]',
    message: 'The asset is declared redundant with itself.',
  },
  {
    id: 'remote-support-broker-is-self',
    bad: `
      zones:
        - {id: bio, kind: biomedical}
        - {id: internet, kind: internet}
      assets:
        - {id: relay, kind: cloud-service, zone: internet}
        - id: mri
          kind: imaging-modality
          zone: bio
          remoteSupport:
            - {tool: teamviewer, broker: mri} # <-
    `,
    good: `
      zones:
        - {id: bio, kind: biomedical}
        - {id: internet, kind: internet}
      assets:
        - {id: relay, kind: cloud-service, zone: internet}
        - id: mri
          kind: imaging-modality
          zone: bio
          remoteSupport:
            - {tool: teamviewer, broker: relay}
    `,
    path: 'assets[mri].remoteSupport[0].broker',
    message:
      'The device is named as the broker of its own teamviewer remote support: name the tool’s relay or the vendor’s portal it connects out to.',
  },
  {
    id: 'remote-support-by-not-person',
    bad: `
      zones:
        - {id: bio, kind: biomedical}
      identities:
        - {id: vendor, kind: third-party, company: MedTech}
        - {id: svc-tv, kind: service-account}
      assets:
        - id: mri
          kind: imaging-modality
          zone: bio
          remoteSupport:
            - {tool: anydesk, by: vendor}
            - {tool: teamviewer, by: svc-tv} # <-
    `,
    good: `
      zones:
        - {id: bio, kind: biomedical}
      identities:
        - {id: vendor, kind: third-party, company: MedTech}
        - {id: svc-tv, kind: service-account}
      assets:
        - id: mri
          kind: imaging-modality
          zone: bio
          remoteSupport:
            - {tool: anydesk, by: vendor}
            - {tool: teamviewer, by: vendor}
    `,
    path: 'assets[mri].remoteSupport[1].by',
    message:
      '"svc-tv" is a service-account: remote support is opened by a person or a third party; name who connects.',
  },
  {
    id: 'retention-below-frequency',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      backups:
        - id: bk-db
          protects: [db]
          frequency: 1w
          retention: 167h # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      backups:
        - id: bk-db
          protects: [db]
          frequency: 1w
          retention: 168h
    `,
    path: 'backups[bk-db].retention',
    message: 'Copies are kept 167h, less than the 1w between two copies.',
  },
  {
    id: 'review-before-decision',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      decisions:
        - id: dec-a
          finding: weak-tls@db
          status: accepted
          justification: Legacy.
          date: 2025-06-01
          reviewDate: 2025-05-31 # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      decisions:
        - id: dec-a
          finding: weak-tls@db
          status: accepted
          justification: Legacy.
          date: 2025-06-01
          reviewDate: 2025-06-01
    `,
    path: 'decisions[dec-a].reviewDate',
    message: 'Review date 2025-05-31 is before the decision date 2025-06-01.',
  },
  {
    id: 'rto-exceeds-mtpd',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - id: p-a
          rto: 49h # <-
          rpo: 1h
          mtpd: 2d
          needs: ${NEEDS}
          assets: [db]
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: db, kind: database, zone: srv}
      processes:
        - id: p-a
          rto: 48h
          rpo: 1h
          mtpd: 2d
          needs: ${NEEDS}
          assets: [db]
    `,
    path: 'processes[p-a].rto',
    message:
      'RTO 49h exceeds the maximum tolerable period of disruption 2d: the process cannot be recovered in time.',
  },
  {
    id: 'subnet-outside-parent',
    bad: `
      zones:
        - {id: site-net, kind: other, subnets: [10.0.0.0/16]}
        - id: lan
          kind: user
          parent: site-net
          subnets: [10.0.1.0/24, 10.0.0.0/15] # <-
    `,
    good: `
      zones:
        - {id: site-net, kind: other, subnets: [10.0.0.0/16]}
        - id: lan
          kind: user
          parent: site-net
          subnets: [10.0.1.0/24, 10.0.0.0/16]
    `,
    path: 'zones[lan].subnets[1]',
    message: 'Subnet 10.0.0.0/15 lies outside the subnets of enclosing zone "site-net".',
  },
  {
    id: 'via-not-filtering',
    bad: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: fw, kind: firewall, zone: srv}
        - {id: app, kind: application, zone: srv}
        - {id: db, kind: database, zone: srv}
        - {id: jump, kind: server, zone: srv}
      flows:
        - id: f-app-db
          from: app
          to: db
          protocol: sql
          via: [fw, jump] # <-
    `,
    good: `
      zones:
        - {id: srv, kind: server}
      assets:
        - {id: fw, kind: firewall, zone: srv}
        - {id: app, kind: application, zone: srv}
        - {id: db, kind: database, zone: srv}
        - {id: jump, kind: server, zone: srv}
      flows:
        - id: f-app-db
          from: app
          to: db
          protocol: sql
          via: [fw]
    `,
    path: 'flows[f-app-db].via[1]',
    message: 'The flow is said to cross "jump", a server, which does not filter flows.',
  },
  {
    id: 'zone-parent-cycle',
    bad: `
      zones:
        - {id: z-c, kind: other}
        - {id: z-b, kind: other, parent: z-a}
        - {id: z-a, kind: other, parent: z-b} # <-
    `,
    good: `
      zones:
        - {id: z-c, kind: other}
        - {id: z-b, kind: other, parent: z-a}
        - {id: z-a, kind: other, parent: z-c}
    `,
    path: 'zones[z-a].parent',
    message: 'Zones enclose each other in a loop: z-a → z-b → z-a.',
  },
  {
    id: 'zone-site-mismatch',
    bad: `
      sites:
        - {id: hq, kind: head-office}
        - {id: plant, kind: plant}
      zones:
        - {id: site-net, kind: other, site: hq}
        - {id: servers, kind: server, parent: site-net}
        - id: lan
          kind: user
          parent: servers
          site: plant # <-
    `,
    good: `
      sites:
        - {id: hq, kind: head-office}
        - {id: plant, kind: plant}
      zones:
        - {id: site-net, kind: other, site: hq}
        - {id: servers, kind: server, parent: site-net}
        - id: lan
          kind: user
          parent: servers
          site: hq
    `,
    path: 'zones[lan].site',
    message:
      'The zone is declared on site "plant" but its enclosing zone "servers" is on site "hq".',
  },
];

const summary = (d: Diagnostic) => `${d.severity} ${d.code} ${d.path} line ${d.line}: ${d.message}`;

describe('MODEL_CHECKS contract', () => {
  it('has unique ids', () => {
    const ids = MODEL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(MODEL_CHECKS.map((check) => [check.id, check] as const))('%s', (id, check) => {
    it('has a kebab-case id', () => {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    });

    it('uses the message diag.<id>, present in both catalogues', () => {
      expect(check.message).toBe(`diag.${id}`);
      expect(Object.hasOwn(en, check.message)).toBe(true);
      expect(Object.hasOwn(fr, check.message)).toBe(true);
      expect(en[check.message].trim()).not.toBe('');
      expect(fr[check.message].trim()).not.toBe('');
    });

    it('has a severity and a description', () => {
      expect(SEVERITIES).toContain(check.severity);
      expect(check.description.trim().length).toBeGreaterThan(10);
      expect(check.description).toMatch(/\.$/);
    });

    it('finds nothing in an empty model', () => {
      expect(check.run(new ModelGraph(EMPTY_MODEL))).toEqual([]);
      const { graph } = load('organisation: {name: Empty}\n');
      expect(check.run(graph)).toEqual([]);
    });

    it('has a table case below', () => {
      expect(CASES.filter((c) => c.id === id)).toHaveLength(1);
    });
  });
});

describe.each(CASES.map((c) => [c.id, c] as const))('check %s', (id, testCase) => {
  const check = checkById(id);
  const bad = modelText(testCase.bad);
  const good = modelText(testCase.good);

  it('reports the problem, located, and nothing else', () => {
    const result = load(bad);
    expect(result.diagnostics.map(summary)).toEqual([
      `${check.severity} ${id} ${testCase.path} line ${markedLine(bad)}: ${testCase.message}`,
    ]);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({ code: id, file: 'model.yaml', path: testCase.path });
    expect(result.valid).toBe(check.severity !== 'error');
  });

  it('reports nothing once the problem is fixed', () => {
    const result = load(good);
    expect(result.diagnostics.map(summary)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(check.run(result.graph)).toEqual([]);
  });

  it('is deterministic', () => {
    const { graph } = load(bad);
    const first = check.run(graph);
    expect(first).toHaveLength(1);
    expect(check.run(graph)).toEqual(first);
    expect(check.run(load(bad).graph)).toEqual(first);
  });

  it('fills every placeholder of its message, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const [diagnostic] = load(bad, locale).diagnostics;
      expect(diagnostic?.code).toBe(id);
      expect(diagnostic?.message).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('checks on a model with several problems each', () => {
  const text = modelText(`
    sites:
      - {id: hq, kind: head-office}
    zones:
      - {id: z-y, kind: other, parent: z-x}
      - {id: z-x, kind: other, parent: z-y}
      - {id: z-b, kind: other, parent: z-a}
      - {id: z-a, kind: other, parent: z-b}
      - {id: lan, kind: user, subnets: [10.0.0.0/24]}
    assets:
      - {id: pc-3, kind: workstation}
      - {id: pc-1, kind: workstation, zone: lan, addresses: [10.9.0.1, 10.0.0.1]}
      - {id: pc-2, kind: workstation, zone: lan, addresses: [10.0.0.1, 10.9.0.2]}
      - {id: vm-q, kind: virtual-machine, hostedOn: vm-p}
      - {id: vm-p, kind: virtual-machine, hostedOn: vm-q}
      - {id: vm-b, kind: virtual-machine, hostedOn: vm-a}
      - {id: vm-a, kind: virtual-machine, hostedOn: vm-b}
      - {id: vm-self, kind: virtual-machine, hostedOn: vm-self}
    data:
      - {id: d-2}
      - {id: d-1}
  `);
  const { graph, diagnostics } = load(text);

  it('returns hits sorted by entity, the same on every run', () => {
    for (const check of MODEL_CHECKS) {
      const hits = check.run(graph);
      const entities = hits.map((h) => h.entity);
      expect(entities, check.id).toEqual([...entities].sort());
      expect(check.run(graph), check.id).toEqual(hits);
    }
  });

  it('reports each cycle once, at the member whose id sorts first', () => {
    expect(checkById('hosting-cycle').run(graph)).toEqual([
      { entity: 'vm-a', path: ['hostedOn'], params: { cycle: 'vm-a → vm-b → vm-a' } },
      { entity: 'vm-p', path: ['hostedOn'], params: { cycle: 'vm-p → vm-q → vm-p' } },
      { entity: 'vm-self', path: ['hostedOn'], params: { cycle: 'vm-self → vm-self' } },
    ]);
    expect(checkById('zone-parent-cycle').run(graph)).toEqual([
      { entity: 'z-a', path: ['parent'], params: { cycle: 'z-a → z-b → z-a' } },
      { entity: 'z-x', path: ['parent'], params: { cycle: 'z-x → z-y → z-x' } },
    ]);
  });

  it('reports every address problem, not only the first', () => {
    expect(
      checkById('address-outside-zone')
        .run(graph)
        .map((h) => h.entity),
    ).toEqual(['pc-1', 'pc-2']);
    expect(checkById('duplicate-address').run(graph)).toEqual([
      {
        entity: 'pc-2',
        path: ['addresses', 0],
        params: { address: '10.0.0.1', other: 'pc-1' },
      },
    ]);
  });

  it('produces diagnostics sorted by line', () => {
    const lines = diagnostics.map((d) => d.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(diagnostics.filter((d) => d.code === 'data-not-stored').map((d) => d.path)).toEqual([
      'data[d-2]',
      'data[d-1]',
    ]);
  });
});

describe('backup-frequency-implausible beyond the table case', () => {
  it('reports a frequency over a year and more than 100 copies, each at its field', () => {
    const { graph, diagnostics } = load(
      modelText(`
        assets:
          - {id: db, kind: database}
        backups:
          - {id: b-ok, protects: [db], frequency: 365d, copies: 100}
          - {id: b-year, protects: [db], frequency: 366d}
          - {id: b-copies, protects: [db], frequency: 1d, copies: 101}
          - {id: b-repl, protects: [db], method: replication, frequency: 0}
      `),
    );
    expect(checkById('backup-frequency-implausible').run(graph)).toEqual([
      { entity: 'b-copies', path: ['copies'], params: { field: 'copies', value: '101' } },
      { entity: 'b-year', path: ['frequency'], params: { field: 'frequency', value: '366d' } },
    ]);
    expect(
      diagnostics.filter((d) => d.code === 'backup-frequency-implausible').map((d) => d.path),
    ).toEqual(['backups[b-year].frequency', 'backups[b-copies].copies']);
  });
});

describe('cycle detection on long chains', () => {
  // Bug: findCycles (checks/cycle.ts) recurses once per chain link, so a long hostedOn,
  // parent or dependsOn chain overflows the stack and loadModel throws instead of reporting.
  it('does not overflow the stack on a 20,000-asset hostedOn chain', () => {
    const length = 20_000;
    const assets = Array.from({ length }, (_, i) => ({
      id: `vm-${i}`,
      kind: 'virtual-machine' as const,
      ...(i + 1 < length ? { hostedOn: `vm-${i + 1}` } : {}),
    }));
    const graph = new ModelGraph({ ...EMPTY_MODEL, assets });
    expect(checkById('hosting-cycle').run(graph)).toEqual([]);
  });
});
