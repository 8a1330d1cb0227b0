/**
 * The colour theme: `system` (follows prefers-color-scheme, the default), `light` or `dark`,
 * kept in localStorage and applied as `<html data-theme>` (styles.css defines both palettes).
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'vigie.theme';

export function readTheme(): ThemeChoice {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') return saved;
  } catch {
    // storage unavailable: the system's choice
  }
  return 'system';
}

/** Sets `<html data-theme>` (removed for `system`) and remembers the choice. */
export function applyTheme(choice: ThemeChoice, remember = true): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // ignore
  }
}
