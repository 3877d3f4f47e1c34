// What a publish reports, shared by the backend, the CLI and the app (so the
// contract in api.ts can name it): its progress, its result per target, and
// the record of each target's last publish.
import type { PublishTarget } from './publishSettings';

/** Progress in files and bytes; "checking" and "building" come once per publish, under the first target's name. */
export interface PublishProgress {
  readonly target: string;
  readonly phase: 'building' | 'checking' | 'connecting' | 'comparing' | 'uploading' | 'deleting' | 'finishing';
  readonly files: { readonly done: number; readonly total: number };
  readonly bytes: { readonly done: number; readonly total: number };
  /** What the host is doing, in words, for hosts that report steps rather than files (Fly: "Building the image"). */
  readonly detail?: string;
}

/** One target's publish (or, in a dry run, what it would do). */
export interface PublishResult {
  target: string;
  type: PublishTarget['type'];
  dryRun: boolean;
  /** Files uploaded (or, in a dry run, that would be), in upload order. */
  uploads: { path: string; size: number }[];
  /** Files deleted from the host (or that would be). */
  deletes: string[];
  /** Bytes uploaded (or that would be). */
  bytes: number;
  /** The whole built site, to set the uploads against. */
  site: { files: number; bytes: number };
  /** Files the host held before. */
  remoteCount: number;
  /** A dry run whose deletions the guard would refuse without force. */
  needsForce: boolean;
  /** Where the site is read: the target's `url`, else the site's baseUrl. */
  url: string | null;
  /** Posts left out because their date is still to come; each goes live at the first publish after it. */
  scheduled: { count: number; /** ISO 8601 time of the soonest, when there is one. */ next: string | null };
  /** What the target would run or did stage, for a dry run to show (Fly: the staging folder and the flyctl commands). */
  notes?: string[];
  /** Where the credentials went: the S3 endpoint, the SFTP server, the git remote, Netlify's API. */
  address: string;
}

/** When a target last published, and what that publish changed. */
export interface LastPublished {
  /** ISO 8601 time the publish finished. */
  readonly at: string;
  /** Files uploaded and deleted, and the bytes uploaded. */
  readonly uploaded: number;
  readonly deleted: number;
  readonly bytes: number;
  /** Where the site is read, when known. */
  readonly url: string | null;
  /** The clock the build decided due posts by (ISO 8601): `publish --if-due` looks for posts dated after it. */
  readonly asOf?: string;
}
