/**
 * The model changes drift findings offer ("update the model"): whole field values in the asset
 * schema's shape, so the platform can show them as a diff and apply them as an entity edit.
 * A proposal changes one thing from the model as written (the asset's other services stay),
 * so applying two of them one after the other keeps both only if the second is recomputed —
 * the platform re-runs drift after each change.
 */
import { PROTOCOL_REGISTRY, type Asset, type Service } from '../../domain/model/index.js';
import type { ModelProposal, ServiceIdentity } from '../types.js';
import type { OpenPort } from './view.js';

/** The registry key a service identity names, `https` for HTTP over TLS, else `other`. */
export function protocolKey(service: ServiceIdentity | undefined): string {
  if (service === undefined) return 'other';
  const protocol = service.protocol === 'http' && service.tls ? 'https' : service.protocol;
  return Object.hasOwn(PROTOCOL_REGISTRY, protocol) ? protocol : 'other';
}

/** The service entry a model would declare for what was observed on a port. */
export function observedService(port: OpenPort): Service {
  const service = port.service;
  const entry: Record<string, unknown> = {
    port: port.declared,
    transport: 'tcp',
    protocol: protocolKey(service),
  };
  if (service?.product !== undefined) entry.product = service.product.slice(0, 200);
  if (service?.version !== undefined) entry.version = service.version.slice(0, 100);
  if (service?.tls === true) entry.encryption = 'tls';
  return entry as Service;
}

/** Adds the observed service to the asset's list (the full new list). */
export function addServiceProposal(asset: Asset, port: OpenPort): ModelProposal {
  const services = [...(asset.services ?? []), observedService(port)].sort(
    (a, b) => a.port - b.port,
  );
  return { kind: 'update-entity', section: 'assets', id: asset.id, fields: { services } };
}

/** Replaces a declared service's version (and product when it differs) by what was observed. */
export function setServiceVersionProposal(
  asset: Asset,
  declared: Service,
  observed: ServiceIdentity,
): ModelProposal {
  const services = (asset.services ?? []).map((service) =>
    service === declared
      ? {
          ...service,
          ...(observed.product !== undefined ? { product: observed.product.slice(0, 200) } : {}),
          ...(observed.version !== undefined ? { version: observed.version.slice(0, 100) } : {}),
        }
      : service,
  );
  return { kind: 'update-entity', section: 'assets', id: asset.id, fields: { services } };
}

/** An id for an asset created from an address: `host-127-0-0-95`. */
export function hostAssetId(address: string): string {
  return `host-${address
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** Creates an asset of kind `other` for an undeclared host, with its address and services. */
export function createHostProposal(
  address: string,
  hostnames: readonly string[],
  open: readonly OpenPort[],
): ModelProposal {
  const fields: Record<string, unknown> = {
    id: hostAssetId(address),
    name: hostnames[0] ?? address,
    kind: 'other',
    addresses: [address],
    services: open.map(observedService),
  };
  if (hostnames[0] !== undefined) fields.hostname = hostnames[0];
  return { kind: 'create-entity', section: 'assets', fields };
}

/** Replaces the version of the asset's software at `index` by the observed one. */
export function setSoftwareVersionProposal(
  asset: Asset,
  index: number,
  version: string,
): ModelProposal {
  const software = (asset.software ?? []).map((item, i) =>
    i === index ? { ...item, version: version.slice(0, 100) } : item,
  );
  return { kind: 'update-entity', section: 'assets', id: asset.id, fields: { software } };
}
