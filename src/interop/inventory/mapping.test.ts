import { describe, expect, it } from 'vitest';
import {
  assetKindOf,
  defaultPort,
  defaultTransport,
  protocolOf,
  protocolOfPort,
  zoneKindOf,
} from './mapping.js';

describe('inventory protocols come from the protocol registry', () => {
  it('names the protocol behind a port, medical and building ones included', () => {
    expect(protocolOfPort(104)).toBe('dicom');
    expect(protocolOfPort(2575)).toBe('hl7-mllp');
    expect(protocolOfPort(47808)).toBe('bacnet');
    expect(protocolOfPort(3389)).toBe('rdp');
    expect(protocolOfPort(20)).toBe('ftp');
    expect(protocolOfPort(31337)).toBeUndefined();
  });

  it('gives a protocol its usual port and transport', () => {
    expect(defaultPort('https')).toBe(443);
    expect(defaultPort('dicom')).toBe(104);
    expect(defaultPort('icmp')).toBeUndefined();
    expect(defaultTransport('bacnet')).toBe('udp');
    expect(defaultTransport('syslog')).toBe('udp');
    expect(defaultTransport('postgresql')).toBe('tcp');
  });

  it('recognises medical devices, imaging modalities, payment terminals and their zones', () => {
    expect(assetKindOf('Tomodensitomètre')).toBe('imaging-modality');
    expect(assetKindOf('Scanner')).not.toBe('imaging-modality');
    expect(assetKindOf('Pompe')).toBeUndefined();
    expect(assetKindOf('IRM')).toBe('imaging-modality');
    expect(assetKindOf('Pousse-seringue')).toBe('medical-device');
    expect(assetKindOf('TPE')).toBe('payment-terminal');
    expect(zoneKindOf('Réseau biomédical')).toBe('biomedical');
    expect(zoneKindOf('GTB')).toBe('iot');
  });

  it('reads registry names whatever their spelling', () => {
    expect(protocolOf('HL7-MLLP')).toBe('hl7-mllp');
    expect(protocolOf('DICOM')).toBe('dicom');
  });
});
