// Publishing in words: sizes, phases, and when a target last published.
import type { LastPublished, PublishPhase, PublishProgress } from '../../common/api';
import { formatTime } from '../dateFormat';

const units = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1,234 bytes → "1.2 KB" (decimal units, as hosts and file managers count). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${value.toLocaleString('en')} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const phases: Record<PublishPhase, string> = {
  building: 'Building the site',
  checking: 'Checking for problems',
  connecting: 'Connecting',
  comparing: 'Comparing with what is online',
  uploading: 'Uploading',
  deleting: 'Deleting files the site no longer has',
  finishing: 'Finishing',
};

/** "Uploading to pages…", or "Building the site…" before any target is at work. */
export function phaseLabel(progress: PublishProgress | null): string {
  if (!progress) return 'Starting…';
  const perTarget = progress.phase !== 'building' && progress.phase !== 'checking' && progress.target;
  if (progress.detail) return `${progress.detail} (${progress.target})…`;
  return perTarget ? `${phases[progress.phase]} (${progress.target})…` : `${phases[progress.phase]}…`;
}

/** "12 / 40 files · 1.2 MB / 3.4 MB", once there is something to count. */
export function progressCounts({ files, bytes }: PublishProgress): string {
  if (files.total === 0) return '';
  const parts = [`${files.done.toLocaleString('en')} / ${count(files.total, 'file')}`];
  if (bytes.total > 0) parts.push(`${formatBytes(bytes.done)} / ${formatBytes(bytes.total)}`);
  return parts.join(' · ');
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "Published 2 hours ago · 14 files uploaded (210 KB)", or "Never published". */
export function lastPublishedLabel(last: LastPublished | null, now = Date.now()): string {
  if (!last) return 'Never published';
  let value = (new Date(last.at).getTime() - now) / 1000;
  let unit: Intl.RelativeTimeFormatUnit = 'second';
  for (const [name, size] of steps) {
    unit = name;
    if (Math.abs(value) < size) break;
    value /= size;
  }
  const when = Math.abs(value) < 10 && unit === 'second' ? 'just now' : relative.format(Math.round(value), unit);
  const changes = last.uploaded + last.deleted === 0 ? 'nothing changed' : uploadedAndDeleted(last.uploaded, last.bytes, last.deleted);
  return `Published ${when} · ${changes}`;
}

/** "14 files uploaded (210 KB), 2 deleted". */
export function uploadedAndDeleted(files: number, bytes: number, deleted: number): string {
  const parts = [files ? `${count(files, 'file')} uploaded (${formatBytes(bytes)})` : 'no files uploaded'];
  if (deleted) parts.push(`${deleted.toLocaleString('en')} deleted`);
  return parts.join(', ');
}

/** "2 posts scheduled · the next goes live 8 Dec 2026, 09:00" (the author's time zone and locale). */
export function scheduledLabel({ count: n, next }: { count: number; next: string | null }): string {
  const when = next ? ` · the next goes live ${formatTime(next)}` : '';
  return `${count(n, 'post')} scheduled${when}`;
}
