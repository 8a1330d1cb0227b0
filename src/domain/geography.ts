/** Member states of the European Economic Area (EU 27 + Iceland, Liechtenstein, Norway). */
export const EEA_COUNTRIES: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
  'IS',
  'LI',
  'NO',
];

/**
 * Countries with a European Commission adequacy decision (GDPR art. 45) that covers transfers
 * without conditions. The United States are left out on purpose: their decision (Data Privacy
 * Framework) only covers certified companies, which the model cannot tell.
 */
export const ADEQUATE_COUNTRIES: readonly string[] = [
  'AD',
  'AR',
  'CA',
  'CH',
  'FO',
  'GB',
  'GG',
  'IL',
  'IM',
  'JE',
  'JP',
  'KR',
  'NZ',
  'UY',
];

export const isInEea = (country: string): boolean => EEA_COUNTRIES.includes(country);

/** True when personal data may go to this country without extra safeguards. */
export const isAdequate = (country: string): boolean =>
  isInEea(country) || ADEQUATE_COUNTRIES.includes(country);
