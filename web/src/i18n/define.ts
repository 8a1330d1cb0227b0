/**
 * Message areas: each area file exports `en` (the reference) and `fr`, typed so French has exactly
 * the English keys. Placeholders are `{name}`; a test checks both languages use the same ones.
 */
export type Messages<K extends string> = Readonly<Record<K, string>>;

export function defineArea<const E extends Readonly<Record<string, string>>>(
  en: E,
  fr: Messages<Extract<keyof E, string>>,
): { readonly en: E; readonly fr: Messages<Extract<keyof E, string>> } {
  return { en, fr };
}
