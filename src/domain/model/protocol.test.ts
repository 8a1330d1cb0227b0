import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_REGISTRY,
  PROTOCOLS,
  protocolOfPort,
  protocolSchema,
  protocolsOfFamily,
} from './protocol.js';
import { DATABASE_PROTOCOLS, MEDICAL_PROTOCOLS, SELF_ENCRYPTING_PROTOCOLS } from './vocabulary.js';

describe('the protocol registry', () => {
  it('gives every protocol a label and valid default ports', () => {
    for (const protocol of PROTOCOLS) {
      const info = PROTOCOL_REGISTRY[protocol];
      expect(info.label.length, protocol).toBeGreaterThan(0);
      for (const { port } of info.ports) expect(port).toBeGreaterThan(0);
      expect(protocolSchema.safeParse(protocol).success).toBe(true);
    }
  });

  it('knows the medical, building and industrial protocols practitioners name', () => {
    expect(MEDICAL_PROTOCOLS).toEqual(['dicom', 'hl7-mllp']);
    expect(protocolsOfFamily('building')).toEqual(['bacnet', 'knx']);
    expect(protocolsOfFamily('industrial')).toContain('iec-104');
    expect(DATABASE_PROTOCOLS).toContain('mongodb');
  });

  it('names a protocol from its default port and transport', () => {
    expect(protocolOfPort(2575)).toBe('hl7-mllp');
    expect(protocolOfPort(104)).toBe('dicom');
    expect(protocolOfPort(47808, 'udp')).toBe('bacnet');
    expect(protocolOfPort(47808, 'tcp')).toBeUndefined();
    expect(protocolOfPort(22)).toBe('ssh');
    expect(protocolOfPort(1)).toBeUndefined();
  });

  it('counts as self-encrypting only the protocols that always encrypt', () => {
    expect(SELF_ENCRYPTING_PROTOCOLS).toContain('https');
    expect(SELF_ENCRYPTING_PROTOCOLS).not.toContain('dicom');
    expect(SELF_ENCRYPTING_PROTOCOLS).not.toContain('smb');
    expect(SELF_ENCRYPTING_PROTOCOLS).not.toContain('rdp');
  });
});
