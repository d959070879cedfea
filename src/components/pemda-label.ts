import type { TFunction } from 'i18next';
import { UNKNOWN_PEMDA } from '../p3dn/agency';

/** How a Pemda is named on screen: its name, else its kd_klpd, else the key; the unknown bucket in words. */
export function pemdaLabel(t: TFunction, key: string, name: string | null | undefined): string {
  if (name) return name;
  if (key === UNKNOWN_PEMDA) return t('pemda.unknown');
  return key.replace(/^(klpd|pemda):/, '');
}
