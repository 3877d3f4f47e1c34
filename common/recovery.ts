// What the crash-recovery journal offers back on start.

/** An unsaved editor buffer found in the journal, with the file on disk beside it. */
export interface RecoveredText {
  /** The post it was typed into (its id when the journal was written). */
  postId: string;
  /** Where that post was, relative to the workspace. */
  path: string;
  /** The post's title as the recovered text has it. */
  title: string;
  /** The unsaved text. */
  text: string;
  /** The version of the file the editor had loaded when the text was typed. */
  baseVersion: string;
  /** When the journal was last written, ISO 8601. */
  writtenAt: string;
  /** The post on disk now; null when it was deleted (or renamed) since. */
  disk: { text: string; version: string } | null;
}
