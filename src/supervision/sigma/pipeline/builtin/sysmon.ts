/**
 * Built-in pipeline `sysmon`: Sigma's Windows field names are Sysmon's, so nothing is renamed.
 * Shipped as a TS module so the build carries it.
 */
export const SYSMON_PIPELINE_YAML = `name: sysmon
priority: 10
description: Sysmon events (EVTX, XML-as-JSON, flat exports) already use Sigma's field names.
transformations: []
`;
