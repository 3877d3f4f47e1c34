// The one markdown pipeline, as the check uses it: for tokens and heading ids.
// The rendered HTML is never shown or written (only its ids are read), so it
// skips the sanitizer, which keeps the ids it reads.
import { createMarkdown } from '../../../common/markdown/pipeline';

export const markdown = createMarkdown({ sanitize: (html) => html });
