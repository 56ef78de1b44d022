/** The languages the API's error messages are written in. */
export type MessageLanguage = 'vi' | 'en';

/**
 * The language of error messages for an `Accept-Language` header: Vietnamese when the client
 * prefers it to English (by quality, then order), English otherwise, and when absent.
 */
export function messageLanguage(header: string | undefined | null): MessageLanguage {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0]!, quality: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => (entry.language === 'vi' || entry.language === 'en') && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.order - b.order);
  return ranked[0]?.language === 'vi' ? 'vi' : 'en';
}
