// Which language a response is in, for language:response_language and the english_* checks. The reference
// calls langdetect (55 languages, ISO 639-1 codes, random unless seeded); here franc (trigram profiles,
// deterministic), restricted to langdetect's languages so that it never answers one langdetect cannot.
// Text franc cannot judge ("und": too short, no letters) counts as followed, as a LangDetectException does.
import { franc } from 'franc';

/** langdetect's languages: franc's ISO 639-3 code → langdetect's code. */
const LANGDETECT: Record<string, string> = {
  afr: 'af', arb: 'ar', bul: 'bg', ben: 'bn', cat: 'ca', ces: 'cs', cym: 'cy', dan: 'da', deu: 'de', ell: 'el', eng: 'en', spa: 'es',
  ekk: 'et', pes: 'fa', fin: 'fi', fra: 'fr', guj: 'gu', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', ind: 'id', ita: 'it', jpn: 'ja',
  kan: 'kn', kor: 'ko', lit: 'lt', lvs: 'lv', mkd: 'mk', mal: 'ml', mar: 'mr', npi: 'ne', nld: 'nl', nob: 'no', pan: 'pa', pol: 'pl',
  por: 'pt', ron: 'ro', rus: 'ru', slk: 'sk', slv: 'sl', som: 'so', als: 'sq', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tha: 'th',
  tgl: 'tl', tur: 'tr', ukr: 'uk', urd: 'ur', vie: 'vi', cmn: 'zh-cn',
};
const ONLY = Object.keys(LANGDETECT);

/** The language code langdetect would give, or undefined when the text gives nothing to judge. */
export function detectLanguage(text: string): string | undefined {
  // franc's profiles are of mixed-case text; all-capital English reads better folded.
  const code = franc(/\p{Ll}/u.test(text) ? text : text.toLowerCase(), { only: ONLY, minLength: 3 });
  return code === 'und' ? undefined : LANGDETECT[code];
}
