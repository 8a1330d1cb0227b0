import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { decodeScalar, formatReal } from './values.js';

function le(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function u16le(s: string): Uint8Array {
  const out = new Uint8Array(2 * s.length);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

function decode(type: number, bytes: Uint8Array): unknown {
  return decodeScalar(bytes, 0, bytes.length, type);
}

describe('decodeScalar', () => {
  it.each([
    ['null', 0x00, '', null],
    ['int8', 0x03, 'ff', -1],
    ['uint8', 0x04, 'ff', 255],
    ['int16', 0x05, 'feff', -2],
    ['uint16', 0x06, '1012', 4624],
    ['int32', 0x07, 'ffffffff', -1],
    ['uint32', 0x08, 'ffffffff', 4294967295],
    ['int64 small', 0x09, 'feffffffffffffff', -2],
    ['int64 large', 0x09, '0000000000000080', -9223372036854775808n],
    ['uint64 small', 0x0a, '39300000000000000'.slice(0, 16), 12345],
    ['uint64 large', 0x0a, 'ffffffffffffffff', 18446744073709551615n],
    ['real32', 0x0b, '0000c03f', '1.5'],
    ['real64', 0x0c, '000000000000f03f', '1.0'],
    ['bool true', 0x0d, '01000000', true],
    ['bool false', 0x0d, '00000000', false],
    ['binary', 0x0e, '00ff1a', '00FF1A'],
    [
      'guid',
      0x0f,
      '5f387057 2ac2 e043 bf4c06f5698ffbd9'.replace(/ /g, ''),
      '5770385F-C22A-43E0-BF4C-06F5698FFBD9',
    ],
    ['size_t 64', 0x10, '1000000000000000', '0x10'],
    ['size_t 32', 0x10, 'ff000000', '0xff'],
    ['filetime', 0x11, '4641ab3d5ee8d901', '2023-09-16T05:25:44.334368Z'],
    ['systemtime', 0x12, 'e8070200020003000400050006007b00', '2024-02-03T04:05:06.123000Z'],
    ['sid', 0x13, '010100000000000512000000', 'S-1-5-18'],
    ['sid domain', 0x13, '010200000000000520000000' + '20020000', 'S-1-5-32-544'],
    ['hexint32', 0x14, '030001c0', '0xc0010003'],
    ['hexint64', 0x15, '0000000000000080', '0x8000000000000000'],
    ['too short', 0x08, '0100', null],
  ])('%s', (_name, type, hex, expected) => {
    expect(decode(type, le(hex))).toEqual(expected);
  });

  it('decodes UTF-16 strings up to the first NUL and trims them', () => {
    expect(decode(0x01, u16le('  C:\\x.exe \0junk'))).toBe('C:\\x.exe');
    expect(decode(0x01, u16le('é€😀'))).toBe('é€😀');
    expect(decode(0x02, le('e9 61 00 62'.replace(/ /g, '')))).toBe('éa');
  });

  it('joins arrays with commas', () => {
    expect(decode(0x81, u16le('ab\0cd\0'))).toBe('ab,cd');
    expect(decode(0x86, le('01000200'))).toBe('1,2');
    expect(decode(0x94, le('0a000000ff000000'))).toBe('0xa,0xff');
    expect(decode(0x93, le('010100000000000512000000' + '010100000000000513000000'))).toBe(
      'S-1-5-18,S-1-5-19',
    );
    expect(decode(0x8f, le('00000000000000000000000000000001'))).toBe(
      '00000000-0000-0000-0000-000000000001',
    );
    expect(decode(0x81, new Uint8Array(0))).toBe('');
  });

  it('formats reals like Rust (shortest round trip, .0 on integers)', () => {
    expect(formatReal(0.1, false)).toBe('0.1');
    expect(formatReal(Math.fround(0.1), true)).toBe('0.1');
    expect(formatReal(3, false)).toBe('3.0');
    expect(formatReal(1e21, false)).toBe('1e21');
    expect(formatReal(Number.NaN, false)).toBe('NaN');
  });
});

describe('crc32', () => {
  it('matches the IEEE check value and chains ranges', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes, 0, 9)).toBe(0xcbf43926);
    expect(crc32(bytes, 4, 9, crc32(bytes, 0, 4))).toBe(0xcbf43926);
  });
});
