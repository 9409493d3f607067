// An item source whose items' images are checked before they are handed on: every entry of "images" found,
// read enough to know it is an image within the limits, and hashed; its markers matched to its images. A bad
// image makes that entry an input error ("image 2: not found: ..."), like any bad line: the run goes on.
// Under --strict the survey checks them too, so a bad image stops the run before any request.
import { UsageError } from '../errors.ts';
import type { ItemSource, SurveyOptions } from '../input/item-source.ts';
import type { FileSurvey } from '../input/survey.ts';
import type { LineResult } from '../input/input-line.ts';
import { checkImage, ImageCheckError, type ImageLimits, type ItemImage } from './image-check.ts';
import { ImageLayoutError, layoutPrompt } from './image-layout.ts';

/** The item of `result` with its images checked, or the entry's input error. */
export async function checkItemImages(result: LineResult, baseDir: string, limits: ImageLimits): Promise<LineResult> {
  if (!result.ok || !result.item.imageInputs) return result;
  const { item } = result;
  const inputs = item.imageInputs!;
  try {
    layoutPrompt(item.prompt, inputs.length);
  } catch (err) {
    if (err instanceof ImageLayoutError) return { ok: false, error: `images: ${err.message}` };
    throw err;
  }
  const images: ItemImage[] = [];
  for (const [i, entry] of inputs.entries()) {
    try {
      images.push(await checkImage(entry, baseDir, limits));
    } catch (err) {
      if (err instanceof ImageCheckError) return { ok: false, error: `image ${i + 1}: ${err.message}` };
      throw err;
    }
  }
  return { ok: true, item: { ...item, images } };
}

export function withImageChecks(source: ItemSource, limits: ImageLimits): ItemSource {
  const baseDir = source.baseDir ?? process.cwd();
  // What the survey found: a source without images hands its entries on untouched (no extra step per line).
  let imageLines: number | undefined;
  async function* checked(lookup: SurveyOptions['lookup']) {
    for await (const { index, result } of source.entries(lookup)) yield { index, result: result.ok && result.item.imageInputs ? await checkItemImages(result, baseDir, limits) : result };
  }
  return {
    ...source,
    name: source.name,
    async survey(options): Promise<FileSurvey> {
      const survey = await source.survey(options);
      imageLines = survey.imageLines ?? 0;
      if (options.strict && (survey.imageLines ?? 0) > 0) {
        for await (const { index, result } of source.entries(options.lookup)) {
          if (!result.ok) continue; // the survey named it already
          const checked = await checkItemImages(result, baseDir, limits);
          if (!checked.ok) survey.problems.push(`${source.name}:${index + 1}: ${checked.error}`);
        }
      }
      return survey;
    },
    entries(lookup) {
      return imageLines === 0 ? source.entries(lookup) : checked(lookup);
    },
  };
}

/** Completion mode sends a rendered text prompt: an input with images is refused before any request. */
export function refuseImagesInCompletionMode(apiMode: string, surveys: readonly FileSurvey[], names: readonly string[]): void {
  if (apiMode !== 'completion') return;
  const withImages = surveys.map((s, i) => ({ name: names[i], lines: s.imageLines ?? 0 })).filter((s) => s.lines > 0);
  if (withImages.length === 0) return;
  const listed = withImages.slice(0, 5).map((s) => `${s.name} (${s.lines} line${s.lines === 1 ? '' : 's'})`).join(', ');
  throw new UsageError(
    `--api_mode completion sends text only, but ${listed}${withImages.length > 5 ? ` and ${withImages.length - 5} more` : ''} hold images: ` +
      'use --api_mode chat_completion or --model_type vlm (the server must serve a vision-language model).',
  );
}
