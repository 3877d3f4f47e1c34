// What a folder entry is, in the four kinds the walks tell apart.
import type { Dirent } from 'node:fs';

export type EntryKind = 'file' | 'folder' | 'link' | 'other';

export const entryKind = (entry: Dirent): EntryKind =>
  entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? 'link' : 'other';
