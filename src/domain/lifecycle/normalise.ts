/** Splits a free-text product name or version into lower-case words without accents. */
export function toWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // "php7.4", "rhel8", "win10", "ltsc2019": a word glued to its version; never "sp1"
      .replace(/\b(?!sp\d)([a-z]{2,})(\d+(?:\.\d+)*)\b/g, '$1 $2')
      .replace(/\b(\d{4})r2\b/g, '$1 r2')
      .replace(/\bservice pack (\d+)\b/g, 'sp$1')
      .replace(/\bsp (\d+)\b/g, 'sp$1')
      .split(/[^a-z0-9.]+/)
      .map((word) => word.replace(/\.+$/, ''))
      .filter((word) => word !== '')
  );
}

/**
 * The numeric parts of a version word (`7.4.4` → [7, 4, 4], `v7.5` → [7, 5], `19c` → [19]),
 * or undefined when the word is not a version (`22h2`, `100f`, `standard`).
 */
export function versionParts(word: string): readonly number[] | undefined {
  const match = /^v?(\d+(?:\.\d+)*)([a-z]{0,2})$/.exec(word);
  if (match === null) return undefined;
  const [, digits = '', suffix = ''] = match;
  // letters after a dotted version are a build tag (17.9.4a); after a bare number only
  // Oracle's g/c/ai (19c) — "100f" is a hardware model, not a version
  if (suffix !== '' && !digits.includes('.') && !['c', 'g', 'ai'].includes(suffix)) {
    return undefined;
  }
  return digits.split('.').map(Number);
}
