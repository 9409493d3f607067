// IFEval's 25 instruction checks, registered by instruction id, each a pure function of the response and the
// instruction's kwargs, with the reference's semantics (google-research instruction_following_eval,
// instructions.py): its regexes with Python's meaning, its quirks (paragraphs counted without the empty
// ones but indexed with them; a keyword is a regular expression; "less than" / "at least"). One file per group.
import type { Check } from './args.ts';
import { KEYWORD_CHECKS } from './checks-keywords.ts';
import { LENGTH_CHECKS } from './checks-length.ts';
import { FORMAT_CHECKS } from './checks-format.ts';
import { OTHER_CHECKS } from './checks-other.ts';

export { hasNonSpace, IFEvalArgumentError, presentKwargs, pyStrip, type Check, type Kwargs } from './args.ts';

export const CHECKS: Readonly<Record<string, Check>> = { ...KEYWORD_CHECKS, ...LENGTH_CHECKS, ...FORMAT_CHECKS, ...OTHER_CHECKS };
