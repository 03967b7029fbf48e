const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let found = segmenters.get(locale);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, found);
  }
  return found;
}

/**
 * Normalizes text for matching: Unicode NFKC, lower case, Thai/Latin digits folded to ASCII,
 * whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    // NFKC splits Thai SARA AM (ำ) into NIKHAHIT + SARA AA (ํา), which no Thai dictionary
    // knows: "ทำ" would segment as "ทํ" + "า". Put it back together.
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .toLocaleLowerCase()
    .replace(/[\u0E50-\u0E59]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits text into words with `Intl.Segmenter`. Thai has no spaces between words, so the
 * dictionary-based segmenter is what makes "ฉันทำบัตรหาย" contain the word "บัตร".
 *
 * @example words('ฉันทำบัตรหายค่ะ') // ['ฉัน', 'ทำ', 'บัตร', 'หาย', 'ค่ะ']
 */
export function words(text: string, locale = 'th'): string[] {
  const normalized = normalizeText(text);
  if (normalized === '') return [];
  const result: string[] = [];
  for (const part of segmenter(locale).segment(normalized)) {
    if (part.isWordLike) result.push(part.segment);
  }
  return result;
}

/**
 * True when `phrase` occurs in `text` as whole words (word sequence containment), for Thai
 * and for space-separated languages alike.
 *
 * @example containsWords('I lost my card', 'lost') // true
 * @example containsWords('ฉันทำบัตรหายค่ะ', 'บัตรหาย') // true
 */
export function containsWords(text: string, phrase: string): boolean {
  const haystack = words(text);
  const needle = words(phrase);
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) {
      if (haystack[start + i] !== needle[i]) continue outer;
    }
    return true;
  }
  return false;
}
