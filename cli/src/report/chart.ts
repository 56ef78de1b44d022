import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import type * as PureImage from 'pureimage' with { 'resolution-mode': 'import' };
import { viNumber } from './wording';
import type { Buckets } from './wording';

/** The buckets in the report's order, with their Vietnamese names and colours. */
export const BUCKETS = [
  { field: 'completedOnTime', label: 'Hoàn thành đúng hạn', colour: '#2e7d32' },
  { field: 'completedLate', label: 'Hoàn thành quá hạn', colour: '#f9a825' },
  { field: 'inProgressWithinDeadline', label: 'Đang thực hiện trong hạn', colour: '#1565c0' },
  { field: 'inProgressOverdue', label: 'Quá hạn, chưa hoàn thành', colour: '#c62828' },
] as const;

// pureimage's types say ES module, and it ships a CommonJS build too: this package is CommonJS.
const PImage = createRequire(__filename)('pureimage') as typeof PureImage;

export const CHART_SIZE = { width: 1200, height: 640 };

/**
 * DejaVu Sans from the npm registry (dejavu-fonts-ttf), so the chart has Vietnamese letters on
 * every machine without a system font; pureimage draws in plain JavaScript (no native canvas).
 */
const FONT = 'DejaVu Sans';
let fontLoaded = false;
function loadFont(): void {
  if (fontLoaded) return;
  PImage.registerFont(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT).loadSync();
  fontLoaded = true;
}

/** A bar chart of the four buckets, as a PNG: each bar with its number above and its name below. */
export async function bucketChart(figures: Buckets, title: string): Promise<Buffer> {
  loadFont();
  const { width, height } = CHART_SIZE;
  const image = PImage.make(width, height);
  const context = image.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#212121';
  context.font = `30px "${FONT}"`;
  context.fillText(title, 40, 50);

  const top = 120;
  const bottom = height - 110;
  const slot = (width - 80) / BUCKETS.length;
  const largest = Math.max(1, ...BUCKETS.map((bucket) => figures[bucket.field]));
  BUCKETS.forEach((bucket, index) => {
    const value = figures[bucket.field];
    const barHeight = Math.round(((bottom - top) * value) / largest);
    const x = 40 + index * slot + slot * 0.2;
    context.fillStyle = bucket.colour;
    context.fillRect(x, bottom - barHeight, slot * 0.6, barHeight);
    context.fillStyle = '#212121';
    context.font = `28px "${FONT}"`;
    context.fillText(viNumber(value), x, bottom - barHeight - 12);
    context.font = `22px "${FONT}"`;
    // Two lines under the bar: the names are too long for one.
    const words = bucket.label.split(' ');
    const half = Math.ceil(words.length / 2);
    context.fillText(words.slice(0, half).join(' '), x - slot * 0.15, bottom + 40);
    context.fillText(words.slice(half).join(' '), x - slot * 0.15, bottom + 72);
  });
  context.fillStyle = '#9e9e9e';
  context.fillRect(40, bottom, width - 80, 2);

  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await PImage.encodePNGToStream(image, stream);
  return Buffer.concat(chunks);
}
