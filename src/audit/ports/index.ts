/** The TCP port scan of the audit and the port lists it takes. */
export { scanPorts, type ScanOptions, type ScanResult, type ScanTarget } from './scan.js';
export { addPorts, allPorts, parsePortRange, parsePortSpec, type PortSpecResult } from './spec.js';
export { TOP_1000_PORTS } from './top-1000.js';
