// Text bound for a terminal. Paths, link targets and messages printed by the
// CLI come from files in the workspace, which anyone may have written: a
// control character in them is an instruction to the terminal, not text.
// ESC ] 52 sets the clipboard, CSI sequences move the cursor or erase what
// was printed, and a bare carriage return overwrites a line. Every C0 control
// but newline and tab, DEL and every C1 control (0x9b is CSI on its own) is
// printed as a visible \uXXXX escape instead. The form is JSON's own, so
// `--json` output, which passes through the same printer, stays the same JSON.

const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalText(text: string): string {
  return text.replace(controls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A printer for `console.log` or `console.error` that escapes what it prints. */
export function terminalPrinter(print: (line: string) => void): (line: string) => void {
  return (line) => print(terminalText(line));
}
