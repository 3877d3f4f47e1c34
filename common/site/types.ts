// What a site build reports, through the contract and on the command line.

export interface SiteBuildSummary {
  /** The output folder (absolute). */
  output: string;
  /** Posts published. */
  posts: number;
  /** Pages published (about, now…). */
  pages: number;
  /** Posts rendered in this build (the rest were unchanged since the last one). */
  rendered: number;
  /** Files the site holds. */
  files: number;
  /** Files written because they are new or their bytes changed. */
  written: number;
  /** Files the last build wrote that are no longer part of the site, deleted. */
  deleted: number;
  /** Posts left out as drafts, or as dated in the future. */
  drafts: number;
  future: number;
  /** Problems that did not stop the build, each naming its file. */
  warnings: string[];
  ms: number;
}

export interface SiteBuildProgress {
  done: number;
  total: number;
}

/** One post as a self-contained HTML file. */
export interface StandalonePost {
  html: string;
  /** A safe file name for it: "<slug>.html". */
  fileName: string;
}
