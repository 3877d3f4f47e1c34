// Zod without its compiled fast path, before any schema parses: to decide
// whether it may compile, Zod first tries `new Function('')`, which the page's
// CSP refuses (no 'unsafe-eval') and Chromium reports as a violation each
// load, though Zod catches the error. `jitless` skips the probe and the
// compiled path alike (zod/v4/core/util.js allowsEval); parsing is the same.
// Imported first by main.tsx, so it runs before any module that parses.
import { z } from 'zod';

z.config({ jitless: true });
