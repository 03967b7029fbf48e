import { toLocale, type Locale } from '@/app/i18n/messages';

/** What Next hands a page as `searchParams`. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export interface PageParams {
  locale: Locale;
  /** Every query parameter, a repeated one by its first value. */
  query: Record<string, string | undefined>;
}

/** The locale (`?lang=`) and the other query parameters of a page request. */
export async function pageParams(searchParams: SearchParams): Promise<PageParams> {
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(await searchParams)) {
    query[name] = Array.isArray(value) ? value[0] : value;
  }
  return { locale: toLocale(query.lang), query };
}
