// The one markdown pipeline, as the check uses it: for tokens and heading ids.
// The rendered HTML is never shown or written, so raw HTML is left as written
// and needs no sanitizer.
import { createMarkdown } from '../../../common/markdown/pipeline';

export const markdown = createMarkdown({ rawHtml: 'trusted', sanitize: (html) => html });
