/** The technical security audit report (CP5): `buildAuditReport(input, options)`. */
export { AUDIT_REPORT_SECTION_IDS, buildAuditReport } from './build.js';
export type { AuditComparison, AuditReportAction, AuditReportInput } from './context.js';
