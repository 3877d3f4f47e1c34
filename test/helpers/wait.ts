/**
 * How long a test waits for something another process or timer does. vi.waitFor's
 * own default is one second, which a shared two-core machine overruns; a wait
 * ends as soon as its condition holds, so a long limit costs nothing when all is well.
 */
export const WAIT = { timeout: 15_000 };
