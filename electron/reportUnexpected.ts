// Fire-and-forget work that failed where nothing should: there is no caller to
// tell and nothing the author could do, so no dialog, but never silence. One
// line on stderr says what was being done; the error's text may carry a file
// name from the workspace, so it is printed escaped like all terminal output.
import { errorMessage } from '../common/errors';
import { terminalPrinter } from './terminalText';

const printError = terminalPrinter((line) => console.error(line));

/** A rejection handler for work that was doing `context` ("closing a workspace"). */
export function reportUnexpected(context: string): (error: unknown) => void {
  return (error) => printError(`Postwright: unexpected failure while ${context}: ${error instanceof Error && error.stack ? error.stack : errorMessage(error)}`);
}
