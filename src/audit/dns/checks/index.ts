/** The DNS and mail checks, in the order reports list them (an explicit registry). */
import { indexUnique } from '../../../domain/registry.js';
import type { Check } from '../../types.js';
import type { DnsMailObservation } from '../observation.js';
import type { DnsCheckContext } from './common.js';
import { mailSpfMissing } from './mail-spf-missing.js';
import { mailSpfMultipleRecords } from './mail-spf-multiple-records.js';
import { mailSpfPermissive } from './mail-spf-permissive.js';
import { mailSpfSoftfail } from './mail-spf-softfail.js';
import { mailSpfTooManyLookups } from './mail-spf-too-many-lookups.js';
import { mailDmarcMissing } from './mail-dmarc-missing.js';
import { mailDmarcNotEnforced } from './mail-dmarc-not-enforced.js';
import { mailDmarcPartial } from './mail-dmarc-partial.js';
import { mailDmarcNoReports } from './mail-dmarc-no-reports.js';
import { mailDkimMissing } from './mail-dkim-missing.js';
import { mailDkimWeakKey } from './mail-dkim-weak-key.js';
import { mailDkimTesting } from './mail-dkim-testing.js';
import { mailMxNoStarttls } from './mail-mx-no-starttls.js';
import { mailMxCertificateInvalid } from './mail-mx-certificate-invalid.js';
import { mailMtaStsMissing } from './mail-mta-sts-missing.js';
import { mailMtaStsInvalid } from './mail-mta-sts-invalid.js';
import { mailTlsRptMissing } from './mail-tls-rpt-missing.js';
import { dnsDnssecMissing } from './dns-dnssec-missing.js';
import { dnsCaaMissing } from './dns-caa-missing.js';

export type DnsCheck = Check<DnsMailObservation, DnsCheckContext>;

export const DNS_CHECKS: readonly DnsCheck[] = [
  mailSpfMissing,
  mailSpfMultipleRecords,
  mailSpfPermissive,
  mailSpfSoftfail,
  mailSpfTooManyLookups,
  mailDmarcMissing,
  mailDmarcNotEnforced,
  mailDmarcPartial,
  mailDmarcNoReports,
  mailDkimMissing,
  mailDkimWeakKey,
  mailDkimTesting,
  mailMxNoStarttls,
  mailMxCertificateInvalid,
  mailMtaStsMissing,
  mailMtaStsInvalid,
  mailTlsRptMissing,
  dnsDnssecMissing,
  dnsCaaMissing,
];

export const DNS_CHECKS_BY_ID = indexUnique(DNS_CHECKS, (check) => check.id, 'DNS check');
export type { DnsCheckContext } from './common.js';
