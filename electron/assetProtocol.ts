// The `postwright-asset:` protocol: the Electron preview's route to workspace
// images, the counterpart of the bridge's /asset/ route. Plain Node (a web
// Response), so main.ts only registers it and tests can call it directly.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { ApiError } from '../common/errors';
import type { Backend } from './backend';
import { assetHeaders, assetWidth } from './workspace/assets';

export const ASSET_SCHEME = 'postwright-asset';

const statusOf: Record<string, number> = { 'not-found': 404, forbidden: 403, 'outside-workspace': 403, 'invalid-arguments': 400 };

/** Answers `postwright-asset://workspace/<path>[?w=<width>]` with the image at that workspace path (or its resized file), or an error status. */
export async function assetResponse(backend: Pick<Backend, 'asset'>, url: string): Promise<Response> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${ASSET_SCHEME}:` || parsed.host !== 'workspace') throw new ApiError('not-found', `Nothing is served at ${url}.`);
    const relative = parsed.pathname.split('/').filter(Boolean).map((part) => decodeURIComponent(part)).join('/');
    const file = await backend.asset(relative, assetWidth(parsed));
    return new Response(Readable.toWeb(createReadStream(file.real)) as ReadableStream, { status: 200, headers: assetHeaders(file) });
  } catch (error) {
    const problem = ApiError.from(error);
    return new Response(problem.message, { status: statusOf[problem.code] ?? 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
  }
}
