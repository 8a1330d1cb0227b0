/*
 * HAND-WRITTEN supplement: releases endoflife.date does not list (very old Windows releases,
 * Exchange Server, Hyper-V Server), each with the vendor page its dates come from. Written for
 * Vigie (Apache-2.0); dates are Microsoft's published lifecycle dates.
 */

/** A release the generated table lacks, with the page that states its dates. */
export interface SupplementRelease {
  /** Product id: an endoflife.date id to extend, or a product of its own. */
  readonly product: string;
  readonly title: string;
  readonly cycle: string;
  readonly label: string;
  readonly eoas?: string;
  readonly eol: string;
  readonly url: string;
}

const LIFECYCLE = 'https://learn.microsoft.com/lifecycle/products';

export const SUPPLEMENT: readonly SupplementRelease[] = [
  {
    product: 'windows',
    title: 'Microsoft Windows',
    cycle: '5-sp2',
    label: 'XP SP2',
    eol: '2010-07-13',
    url: `${LIFECYCLE}/windows-xp`,
  },
  {
    product: 'windows',
    title: 'Microsoft Windows',
    cycle: '2000',
    label: '2000 Professional',
    eoas: '2005-06-30',
    eol: '2010-07-13',
    url: `${LIFECYCLE}/windows-2000-professional-edition`,
  },
  {
    product: 'windows',
    title: 'Microsoft Windows',
    cycle: 'me',
    label: 'Millennium Edition',
    eol: '2006-07-11',
    url: `${LIFECYCLE}/windows-millennium-edition`,
  },
  {
    product: 'windows',
    title: 'Microsoft Windows',
    cycle: '98',
    label: '98',
    eol: '2006-07-11',
    url: `${LIFECYCLE}/windows-98`,
  },
  {
    product: 'windows',
    title: 'Microsoft Windows',
    cycle: '95',
    label: '95',
    eol: '2001-12-31',
    url: `${LIFECYCLE}/windows-95`,
  },
  ...(
    [
      ['2007', '2012-04-10', '2017-04-11'],
      ['2010', '2015-01-13', '2020-10-13'],
      ['2013', '2018-04-10', '2023-04-11'],
      ['2016', '2020-10-13', '2025-10-14'],
      ['2019', '2024-01-09', '2025-10-14'],
    ] as const
  ).map(([year, eoas, eol]) => ({
    product: 'exchange',
    title: 'Microsoft Exchange Server',
    cycle: year,
    label: `Exchange Server ${year}`,
    eoas,
    eol,
    url: `${LIFECYCLE}/exchange-server-${year}`,
  })),
  ...(
    [
      ['2012', 'Hyper-V Server 2012', '2018-10-09', '2023-10-10', 'hyper-v-server-2012'],
      ['2012-r2', 'Hyper-V Server 2012 R2', '2018-10-09', '2023-10-10', 'hyper-v-server-2012-r2'],
      ['2016', 'Hyper-V Server 2016', '2022-01-11', '2027-01-12', 'hyper-v-server-2016'],
      ['2019', 'Hyper-V Server 2019', '2024-01-09', '2029-01-09', 'hyper-v-server-2019'],
    ] as const
  ).map(([cycle, label, eoas, eol, page]) => ({
    product: 'hyper-v-server',
    title: 'Microsoft Hyper-V Server',
    cycle,
    label,
    eoas,
    eol,
    url: `${LIFECYCLE}/${page}`,
  })),
];
