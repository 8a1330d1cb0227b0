import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDOFLIFE_PRODUCTS } from './endoflife-data.js';
import { lifecycleProductIds, lookupLifecycle } from './lookup.js';
import { toWords } from './normalise.js';
import { PRODUCT_NAMING } from './products.js';
import { SUPPLEMENT } from './supplement.js';

/** [name, version, product, cycle, eol] */
const FOUND: readonly (readonly [
  string,
  string | undefined,
  string,
  string,
  string | undefined,
])[] = [
  ['Windows 7', undefined, 'windows', '7-sp1', '2020-01-14'],
  ['Windows 7 Professionnel', 'SP1', 'windows', '7-sp1', '2020-01-14'],
  ['Win 7', undefined, 'windows', '7-sp1', '2020-01-14'],
  ['Win7', undefined, 'windows', '7-sp1', '2020-01-14'],
  ['Windows XP', undefined, 'windows', '5-sp3', '2014-04-08'],
  ['Windows XP Professional SP2', undefined, 'windows', '5-sp2', '2010-07-13'],
  ['WinXP', undefined, 'windows', '5-sp3', '2014-04-08'],
  ['Windows Vista', undefined, 'windows', '6-sp2', '2017-04-11'],
  ['Windows 2000', undefined, 'windows', '2000', '2010-07-13'],
  ['Windows ME', undefined, 'windows', 'me', '2006-07-11'],
  ['Windows 8.1', undefined, 'windows', '8.1', '2023-01-10'],
  ['Windows 8', undefined, 'windows', '8', '2016-01-12'],
  ['Windows 10 22H2', undefined, 'windows', '10-22h2', '2025-10-14'],
  ['Windows 10', undefined, 'windows', '10-22h2', '2025-10-14'],
  ['W10', undefined, 'windows', '10-22h2', '2025-10-14'],
  ['W10', '21H2', 'windows', '10-21h2-w', '2023-06-13'],
  ['Windows 10 Pro', '1809', 'windows', '10-1809-w', '2020-11-10'],
  ['Windows 10 Enterprise', '1809', 'windows', '10-1809-e', '2021-05-11'],
  ['Windows 10 Enterprise LTSC 2019', undefined, 'windows', '10-1809-e-lts', '2029-01-09'],
  ['Windows 10 IoT Enterprise LTSC 2021', undefined, 'windows', '10-21h2-iot-lts', '2032-01-13'],
  ['Microsoft Windows', '10', 'windows', '10-22h2', '2025-10-14'],
  ['Windows 11 Entreprise', '24H2', 'windows', '11-24h2-e', '2027-10-12'],
  ['Windows 11 Pro 23H2', undefined, 'windows', '11-23h2-w', '2025-11-11'],
  ['Windows 10.0.19045', undefined, 'windows', '10-22h2', '2025-10-14'],
  ['Windows 10 Enterprise', '10.0 (19044)', 'windows', '10-21h2-e', '2024-06-11'],
  ['Windows 11 Pro', '10.0.22631.4460', 'windows', '11-23h2-w', '2025-11-11'],
  ['Windows', '6.1.7601', 'windows', '7-sp1', '2020-01-14'],
  ['Windows Server', '10.0.20348', 'windows-server', '2022', '2031-10-14'],
  ['Windows Server 2012 R2 Standard', '6.3 (9600)', 'windows-server', '2012-r2', '2023-10-10'],
  ['Windows Server 2008 R2', undefined, 'windows-server', '2008-r2-sp1', '2020-01-14'],
  ['Windows Server 2008', undefined, 'windows-server', '2008-sp2', '2020-01-14'],
  ['Windows Server 2003', undefined, 'windows-server', '2003-sp2', '2015-07-14'],
  ['Windows Server 2019 Standard', undefined, 'windows-server', '2019', '2029-01-09'],
  ['Windows Server', '2019 Standard', 'windows-server', '2019', '2029-01-09'],
  ['Windows Server', '2012 R2 Standard', 'windows-server', '2012-r2', '2023-10-10'],
  ['Windows Server', '2012', 'windows-server', '2012', '2023-10-10'],
  ['Windows 2012R2', undefined, 'windows-server', '2012-r2', '2023-10-10'],
  ['Windows 2019 Datacenter', undefined, 'windows-server', '2019', '2029-01-09'],
  ['Microsoft Windows Server 2022 Datacenter', '21H2', 'windows-server', '2022', '2031-10-14'],
  ['Windows Server 23H2', undefined, 'windows-server', '23h2-ac', '2026-05-12'],
  ['Windows Embedded POSReady 7', undefined, 'windows-embedded', 'posready-7', '2021-10-12'],
  ['Hyper-V Server 2019', undefined, 'hyper-v-server', '2019', '2029-01-09'],
  ['Ubuntu 18.04', undefined, 'ubuntu', '18.04', '2023-05-31'],
  ['Ubuntu', '22.04.3 LTS', 'ubuntu', '22.04', '2027-04-01'],
  ['Ubuntu Server jammy', undefined, 'ubuntu', '22.04', '2027-04-01'],
  ['Debian 9', undefined, 'debian', '9', '2022-07-01'],
  ['Debian GNU/Linux', '12.5', 'debian', '12', '2028-06-30'],
  ['Debian bookworm', undefined, 'debian', '12', '2028-06-30'],
  ['CentOS 7', undefined, 'centos', '7', '2024-06-30'],
  ['CentOS Linux', '7.9.2009', 'centos', '7', '2024-06-30'],
  ['RHEL 8', undefined, 'rhel', '8', '2029-05-31'],
  ['rhel8', undefined, 'rhel', '8', '2029-05-31'],
  ['Red Hat Enterprise Linux', '7.9', 'rhel', '7', '2024-06-30'],
  ['SLES 15 SP5', undefined, 'sles', '15.5', '2024-12-31'],
  ['PostgreSQL 11', undefined, 'postgresql', '11', '2023-11-09'],
  ['Postgres', '9.6.24', 'postgresql', '9.6', '2021-11-11'],
  ['MySQL 5.7', undefined, 'mysql', '5.7', '2023-10-31'],
  ['MySQL Community Server', '8.0.36', 'mysql', '8.0', '2026-04-30'],
  ['SQL Server 2012', undefined, 'mssqlserver', '11.0-sp4', '2022-07-12'],
  ['SQL Server 2016 SP2', undefined, 'mssqlserver', '13.0-sp2', '2022-10-11'],
  ['SQL Server 2008 R2', undefined, 'mssqlserver', '10.50-sp3', '2019-07-09'],
  ['Microsoft SQL Server', '2019 CU28', 'mssqlserver', '15.0', '2030-01-08'],
  ['Microsoft SQL Server Express', '2019', 'mssqlserver', '15.0', '2030-01-08'],
  ['Oracle Database', '19c', 'oracle-database', '19', '2029-12-31'],
  ['Oracle 11g R2', undefined, 'oracle-database', '11.2', '2015-01-31'],
  ['nginx 1.18', undefined, 'nginx', '1.18', '2021-04-20'],
  ['nginx', '1.18.0', 'nginx', '1.18', '2021-04-20'],
  ['Apache httpd 2.2', undefined, 'apache-http-server', '2.2', '2017-07-11'],
  ['Apache', '2.2.34', 'apache-http-server', '2.2', '2017-07-11'],
  ['Apache HTTP Server', '2.4.58', 'apache-http-server', '2.4', undefined],
  ['ESXi 6.7', undefined, 'vmware-esxi', '6.7', '2022-10-15'],
  ['VMware ESXi', '8.0 U3', 'vmware-esxi', '8.0', '2027-10-11'],
  ['FortiOS 6.2', undefined, 'fortios', '6.2', '2023-09-28'],
  ['FortiGate 100F', 'v7.4.4', 'fortios', '7.4', '2028-11-11'],
  ['PAN-OS 9.1', undefined, 'pan-os', '9.1', '2024-06-30'],
  ['PAN-OS', '10.2.9-h1', 'pan-os', '10.2', '2025-08-27'],
  ['Exchange 2013', undefined, 'exchange', '2013', '2023-04-11'],
  ['Microsoft Exchange Server 2019 CU14', undefined, 'exchange', '2019', '2025-10-14'],
  ['Office 2016', undefined, 'office', '2016', '2025-10-14'],
  ['Microsoft Office Professional Plus', '2019', 'office', '2019', '2025-10-14'],
  ['Office 2011 for Mac', undefined, 'office', '2011-for-mac', '2017-10-10'],
  ['PHP 7.4', undefined, 'php', '7.4', '2022-11-28'],
  ['php7.4', undefined, 'php', '7.4', '2022-11-28'],
  ['PHP', '7', 'php', '7.4', '2022-11-28'],
  ['Python', '2.7.18', 'python', '2.7', '2020-01-01'],
  ['Alpine', '3.2', 'alpine-linux', '3.2', '2017-05-01'],
  ['Alpine Linux', '3.20.1', 'alpine-linux', '3.20', '2026-04-01'],
  ['Internet Explorer 11', undefined, 'internet-explorer', '11', '2022-06-14'],
  ['Node.js', '18.19.0', 'nodejs', '18', '2025-04-30'],
];

/** Names that must not resolve: unknown products, no version, another product's numbering. */
const NOT_FOUND: readonly (readonly [string, string | undefined])[] = [
  ['Windows', undefined],
  ['Windows 1', undefined],
  ['Windows 10.1', undefined],
  ['Windows 6.1', undefined],
  ['Windows', '10.0.99999'],
  ['Windows 12', undefined],
  ['Windows PowerShell', '5.1'],
  ['Windows Server 2019 R2', undefined],
  ['Windows Defender', undefined],
  ['Debian', undefined],
  ['Debian', '99'],
  ['CentOS Stream 8', undefined],
  ['Apache Kafka', '2.2'],
  ['Apache Cassandra 2.2', undefined],
  ['Office 365', undefined],
  ['Microsoft 365 Apps', 'Current Channel'],
  ['Cisco IOS', '15.2(7)E10'],
  ['Stormshield Network Security', '4.8'],
  ['Synology DSM', '7.2'],
  ['Sage X3', '2024 R2'],
  ['SQL Server 2016 SP4', undefined],
  ['OpenVPN Access Server', '2.4'],
  ['Docker Desktop', '4.30'],
  ['Exchange Online', undefined],
  ['Oracle Java', '8'],
  ['SQL Server Management Studio', '19.3'],
  ['VMware vCenter Server Appliance', '8.0'],
  ['Node', 'LTS'],
  ['', undefined],
  ['   ', '   '],
];

describe('lookupLifecycle', () => {
  it.each(FOUND)('%s %s → %s %s', (name, version, product, cycle, eol) => {
    const found = lookupLifecycle(name, version);
    expect(found?.product).toBe(product);
    expect(found?.cycle).toBe(cycle);
    expect(found?.eol).toBe(eol);
  });

  it.each(NOT_FOUND)('%j %j → nothing', (name, version) => {
    expect(lookupLifecycle(name, version)).toBeUndefined();
  });

  it('names the release and its source, endoflife.date or the hand-written supplement', () => {
    const server = lookupLifecycle('Windows Server 2012 R2');
    expect(server?.label).toBe('Windows Server 2012 R2');
    expect(server?.eoas).toBe('2018-10-09');
    expect(server?.source).toEqual({
      id: 'endoflife.date',
      url: 'https://endoflife.date/windows-server',
      licence: expect.stringContaining('MIT') as unknown,
    });
    expect(lookupLifecycle('SQL Server 2012')?.label).toBe('Microsoft SQL Server 2012 SP4');
    const exchange = lookupLifecycle('Exchange Server 2016');
    expect(exchange?.source.id).toBe('vigie');
    expect(exchange?.source.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('never throws, and answers only releases of known products, whatever the text', () => {
    const known = new Set(lifecycleProductIds());
    const words = fc.constantFrom(
      'windows',
      'server',
      'sql',
      '10',
      '2012',
      'r2',
      'sp1',
      '7.4',
      'é',
      '(',
      '-',
    );
    const phrase = fc.oneof(
      fc.string(),
      fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(phrase, fc.option(phrase, { nil: undefined }), (name, version) => {
        const found = lookupLifecycle(name, version);
        if (found !== undefined) expect(known.has(found.product)).toBe(true);
      }),
    );
  });

  it('answers the same object for the same name and version (memoised)', () => {
    const first = lookupLifecycle('PostgreSQL', '13.4');
    expect(first?.cycle).toBe('13');
    expect(lookupLifecycle('PostgreSQL', '13.4')).toBe(first);
    expect(lookupLifecycle('PostgreSQL', '13.5')).toStrictEqual(first);
  });
});

describe('the lifecycle table', () => {
  it('has data for every product it can name, and an alias belongs to one product only', () => {
    const owners = new Map<string, string>();
    for (const [id, naming] of Object.entries(PRODUCT_NAMING)) {
      const known = id in ENDOFLIFE_PRODUCTS || SUPPLEMENT.some((r) => r.product === id);
      expect(known, id).toBe(true);
      for (const alias of [...naming.aliases, ...(naming.strictAliases ?? [])]) {
        const key = toWords(alias).join(' ');
        expect(owners.get(key), `${alias} (${id})`).toBeUndefined();
        owners.set(key, id);
      }
    }
    expect(lifecycleProductIds()).toEqual(Object.keys(PRODUCT_NAMING).sort());
  });

  it('stores ISO dates only, and every supplement release has its source page', () => {
    for (const product of Object.values(ENDOFLIFE_PRODUCTS)) {
      for (const [, , eoas, eol] of product.cycles) {
        for (const day of [eoas, eol]) if (day != null) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    for (const release of SUPPLEMENT) {
      expect(release.eol).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(release.url).toMatch(/^https:\/\//);
    }
  });
});
