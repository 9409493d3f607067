// KorPuzzleArrowMaze: the reference's verifier is a copy of KorLogicResolution's (its ground truth carries
// resolution problems, not mazes), so it is scored exactly as that one: kept on purpose.
import { defineBootcamp } from '../define.ts';
import { lastBracketStripped } from '../kor-logic/last-bracket.ts';
import { checkResolution, resolutionGroundTruth } from '../kor-logic/resolution.ts';

export const korPuzzleArrowMaze = defineBootcamp({
  name: 'KorPuzzleArrowMaze',
  answerFormat: '[[A]]/[[B]], [[resolvent]] or [[output;steps]] (resolution problems); last tag counts',
  groundTruth: resolutionGroundTruth,
  extract: lastBracketStripped,
  check: checkResolution,
});
