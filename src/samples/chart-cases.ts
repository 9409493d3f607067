// A synthetic chart-reading set of the project's own, in ChartQA's row shape ({type, question, answer, image:
// {bytes, path}}): bar charts drawn with the PNG canvas, each bar's value written above it, and questions whose
// answers follow from the drawn values (a bar's value, the largest bar, a difference, a share in percent).
// The same seed gives the same rows and the same image bytes on every machine.
import { Canvas, type Rgb } from './png.ts';
import { randInt, seededRng } from './rng.ts';

export interface ChartRow {
  type: 'human_test' | 'augmented_test';
  question: string;
  answer: string;
  image: { bytes: Uint8Array; path: string };
}

const COLORS: readonly Rgb[] = [[52, 101, 164], [204, 0, 0], [78, 154, 6], [245, 121, 0], [117, 80, 123], [193, 125, 17]];
const NAMES = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** One bar chart of `values`: bars left to right, each value in digits above its bar. */
export function drawBarChart(values: readonly number[]): Buffer {
  const scale = 3;
  const barWidth = 28;
  const gap = 14;
  const top = 30;
  const plotHeight = 150;
  const max = Math.max(...values);
  const canvas = new Canvas(gap + values.length * (barWidth + gap), top + plotHeight + 10);
  canvas.rect(0, top + plotHeight, canvas.width, 2, [0, 0, 0]);
  values.forEach((value, i) => {
    const height = Math.max(2, Math.round((value / max) * plotHeight));
    const x = gap + i * (barWidth + gap);
    canvas.rect(x, top + plotHeight - height, barWidth, height, COLORS[i % COLORS.length]);
    const label = String(value);
    canvas.text(x + Math.max(0, (barWidth - label.length * 4 * scale) / 2), top + plotHeight - height - 6 * scale, label, scale);
  });
  return canvas.png();
}

function question(values: readonly number[], kind: number): { question: string; answer: string } {
  const n = values.length;
  switch (kind % 4) {
    case 0: {
      const i = kind % n;
      return { question: `What is the value of the ${NAMES[i]} bar from the left?`, answer: String(values[i]) };
    }
    case 1:
      return { question: 'Which position from the left (1 for the leftmost) has the tallest bar?', answer: String(values.indexOf(Math.max(...values)) + 1) };
    case 2:
      return { question: 'What is the difference between the tallest and the shortest bar?', answer: String(Math.max(...values) - Math.min(...values)) };
    default: {
      const total = values.reduce((a, b) => a + b, 0);
      return { question: 'What share of the total, in percent rounded to one decimal, is the first bar?', answer: `${((values[0] / total) * 100).toFixed(1)}%` };
    }
  }
}

/** `count` chart rows, alternating ChartQA's two subsets. */
export function chartRows(count: number, seed = 7): ChartRow[] {
  const rng = seededRng(seed);
  const rows: ChartRow[] = [];
  for (let i = 0; i < count; i++) {
    const bars = randInt(rng, 3, 6);
    const values = Array.from({ length: bars }, () => randInt(rng, 5, 95));
    const q = question(values, i);
    rows.push({ type: i % 2 === 0 ? 'human_test' : 'augmented_test', ...q, image: { bytes: drawBarChart(values), path: `chart_${i}.png` } });
  }
  return rows;
}
