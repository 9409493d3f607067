// Which language a response is in, for language:response_language and the english_* checks. The reference
// calls langdetect (55 languages, ISO 639-1 codes, random unless seeded); here franc (trigram profiles,
// deterministic), restricted to langdetect's languages so that it never answers one langdetect cannot.
// Text franc cannot judge ("und": too short, no letters) counts as followed, as a LangDetectException does.
// franc's profiles are megabytes: loaded when the IFEval family is (loadLanguageDetector), never at start-up.
let franc: typeof import('franc').franc | undefined;

export async function loadLanguageDetector(): Promise<void> {
  franc ??= (await import('franc')).franc;
}

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
export function detectLanguage(input: string): string | undefined {
  // langdetect reads at most its first 10,000 characters; 2,000 decide as well for an answer in one language,
  // and cost a fifth. Asterisks never tell a language: without them, a response and its loose variants (the
  // same text without "*", or without its last line) are one question, asked once.
  const text = (input.length > 2_000 ? input.slice(0, 2_000) : input).replaceAll('*', '');
  // The loose variants of one response ask about nearly the same text several times: remember the last few.
  const known = recent.get(text);
  if (known !== undefined) return known === '' ? undefined : known;
  // franc's profiles are of mixed-case text; all-capital English reads better folded.
  if (!franc) throw new Error('the language detector is not loaded: call loadLanguageDetector() (the IFEval family loader does)');
  const code = franc(/\p{Ll}/u.test(text) ? text : text.toLowerCase(), { only: ONLY, minLength: 3 });
  const language = code === 'und' ? undefined : LANGDETECT[code];
  if (recent.size >= 16) recent.delete(recent.keys().next().value!);
  recent.set(text, language ?? '');
  return language;
}

const recent = new Map<string, string>();
