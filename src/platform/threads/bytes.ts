/** Byte arrays that can be moved between threads (postMessage transfer list). */

/** True when the bytes are their whole ArrayBuffer (not a slice of a shared or pooled one). */
export function ownsBuffer(bytes: Uint8Array): bytes is Uint8Array<ArrayBuffer> {
  return (
    bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
  );
}

/** The bytes themselves when they own their buffer, else a copy that does. */
export function ownedBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return ownsBuffer(bytes) ? bytes : new Uint8Array(bytes);
}
