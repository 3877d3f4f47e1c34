// What Insert video gets back from the backend: enough to write the markdown
// (renderer/editor/videoInsert.ts) and to tell the author what is missing.

export interface AddedVideo {
  /** The video's own page, with its start time: the link the embed is. */
  url: string;
  /** From the host; '' when it could not be had. */
  title: string;
  /** The thumbnail stored in the post's assets folder (path, and link relative to the post); null when there is none. */
  thumbnail: { path: string; link: string } | null;
  /** Why the title or thumbnail is missing (offline, the host refused…); null when nothing is. */
  problem: string | null;
}
