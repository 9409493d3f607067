// Builds one answer from the chunks of a streamed completion or chat completion: content and reasoning deltas
// (`reasoning_content`, or the newer `reasoning`), the finish_reason, usage (its own last chunk with
// stream_options.include_usage), and error events in the stream. The result is the same ModelAnswer an
// unstreamed request gives, plus the time to the first token.
import { errorInBody, MalformedAnswerError, ConnectionError } from './http.ts';
import type { ApiMode, ModelAnswer, Usage } from './requests.ts';

export class StreamAssembler {
  private content: string[] = [];
  private reasoning: string[] = [];
  private finishReason: string | null = null;
  private usage: Usage | null = null;
  private sawChoice = false;
  private sawDone = false;
  /** performance.now() of the first content or reasoning token. */
  firstTokenAt: number | undefined;

  constructor(
    private readonly mode: ApiMode,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** One event's data. Throws the stream's error event as an ApiError (the retry policy judges its code). */
  event(data: string): void {
    if (data === '[DONE]') {
      this.sawDone = true;
      return;
    }
    let chunk: Record<string, unknown>;
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ConnectionError(`a stream event that is not JSON: ${data.slice(0, 120)}`);
    }
    const inBody = errorInBody(chunk);
    if (inBody) throw inBody;
    if (chunk.usage && typeof chunk.usage === 'object') this.usage = chunk.usage as Usage;
    const choices = Array.isArray(chunk.choices) ? (chunk.choices as Record<string, unknown>[]) : [];
    for (const choice of choices) {
      if (!choice || typeof choice !== 'object' || (choice.index !== undefined && choice.index !== 0)) continue;
      this.sawChoice = true;
      let text: unknown;
      let reasoning: unknown;
      if (this.mode === 'completion') {
        text = choice.text;
      } else {
        const delta = (choice.delta ?? choice.message) as Record<string, unknown> | undefined;
        text = delta?.content;
        reasoning = delta?.reasoning_content ?? delta?.reasoning;
      }
      if (typeof reasoning === 'string' && reasoning !== '') {
        this.reasoning.push(reasoning);
        this.firstTokenAt ??= this.now();
      }
      if (typeof text === 'string' && text !== '') {
        this.content.push(text);
        this.firstTokenAt ??= this.now();
      }
      if (typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;
    }
  }

  /** The whole answer, once the stream has ended. */
  answer(): ModelAnswer {
    // A stream cut before its end (no [DONE], no finish_reason) is a broken connection, not a short answer.
    if (!this.sawDone && this.finishReason === null) throw new ConnectionError('the stream ended before [DONE]');
    if (!this.sawChoice) throw new MalformedAnswerError('a stream without any choice');
    return {
      output: this.content.join(''),
      ...(this.reasoning.length > 0 ? { reasoning_content: this.reasoning.join('') } : {}),
      finish_reason: this.finishReason,
      usage: this.usage,
    };
  }
}
