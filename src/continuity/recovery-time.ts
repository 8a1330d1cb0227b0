import { durationMinutes } from '../domain/duration.js';
import type { Asset, AssetKind, RecoveryMethod } from '../domain/model/index.js';

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Default time to bring an asset of each kind back after a disaster, when the model does not
 * declare `recovery.duration`: restoring a virtual machine or a database from a backup takes a
 * few hours, rebuilding a directory or a physical server most of a day, OT supervision and
 * medical or imaging equipment days (vendor intervention). Every default used is reported as an
 * assumption by the engines that use it.
 */
export const DEFAULT_RECOVERY_MINUTES: Readonly<Record<AssetKind, number>> = {
  server: DAY,
  'virtual-machine': 4 * HOUR,
  hypervisor: DAY,
  workstation: 4 * HOUR,
  laptop: 4 * HOUR,
  'admin-workstation': 4 * HOUR,
  mobile: 4 * HOUR,
  printer: 4 * HOUR,
  firewall: 4 * HOUR,
  router: 4 * HOUR,
  switch: 4 * HOUR,
  'vpn-gateway': 4 * HOUR,
  'wifi-ap': 2 * HOUR,
  'wifi-controller': 4 * HOUR,
  proxy: 4 * HOUR,
  'reverse-proxy': 4 * HOUR,
  'load-balancer': 4 * HOUR,
  ids: 8 * HOUR,
  siem: DAY,
  'log-collector': 8 * HOUR,
  directory: 8 * HOUR,
  application: 8 * HOUR,
  'web-application': 8 * HOUR,
  service: 4 * HOUR,
  database: 8 * HOUR,
  'file-server': 8 * HOUR,
  'mail-server': DAY,
  storage: DAY,
  'backup-server': DAY,
  saas: 4 * HOUR,
  'cloud-service': 4 * HOUR,
  iot: 4 * HOUR,
  camera: 2 * HOUR,
  'medical-device': 2 * DAY,
  'imaging-modality': 3 * DAY,
  'payment-terminal': 4 * HOUR,
  other: 8 * HOUR,
  plc: 8 * HOUR,
  hmi: 8 * HOUR,
  scada: 2 * DAY,
  historian: DAY,
  'engineering-workstation': 8 * HOUR,
  rtu: 8 * HOUR,
  'ot-gateway': 8 * HOUR,
  'safety-system': 2 * DAY,
};

/** The method assumed when the model does not say: a provider's service comes back from it. */
const DEFAULT_METHOD: Readonly<Partial<Record<AssetKind, RecoveryMethod>>> = {
  saas: 'supplier',
  'cloud-service': 'supplier',
  'medical-device': 'supplier',
  'imaging-modality': 'supplier',
};

/**
 * True when someone outside the recovery teams brings the asset back (method `supplier`: the
 * provider of a SaaS, the vendor of a medical device): the schedule runs it as external work
 * that holds no team slot.
 */
export function recoveredByOthers(asset: Asset): boolean {
  return recoveryOf(asset).method === 'supplier';
}

/** How an asset is recovered and how long it takes, declared or assumed. */
export interface RecoveryTime {
  readonly minutes: number;
  readonly method: RecoveryMethod;
  /** True when the duration is the default of the asset's kind (an assumption to show). */
  readonly assumedDuration: boolean;
  /** True when the method is assumed. */
  readonly assumedMethod: boolean;
}

/**
 * The recovery of an asset: the declared `recovery.duration` and `recovery.method` win; a
 * redundant asset (active-active, cluster, active-passive) fails over in minutes unless a
 * duration is declared; otherwise the default of its kind.
 */
export function recoveryOf(asset: Asset): RecoveryTime {
  const declared = asset.recovery?.duration;
  const mode = asset.redundancy?.mode;
  const redundant = mode !== undefined && mode !== 'none' && mode !== 'cold-standby';
  const method: RecoveryMethod =
    asset.recovery?.method ?? (redundant ? 'failover' : (DEFAULT_METHOD[asset.kind] ?? 'restore'));
  if (declared !== undefined) {
    return {
      minutes: durationMinutes(declared),
      method,
      assumedDuration: false,
      assumedMethod: asset.recovery?.method === undefined,
    };
  }
  return {
    minutes: method === 'failover' ? 15 : DEFAULT_RECOVERY_MINUTES[asset.kind],
    method,
    assumedDuration: true,
    assumedMethod: asset.recovery?.method === undefined,
  };
}
