// The markdown pipeline as Node runs it: DOMPurify over a jsdom window.
import { JSDOM } from 'jsdom';
import { createMarkdown, type MarkdownOptions } from '../../common/markdown/pipeline';
import { createSanitizer } from '../../common/markdown/sanitize';

export const nodeSanitizer = createSanitizer(new JSDOM('').window as unknown as Window & typeof globalThis);

export function nodeMarkdown(options: Omit<MarkdownOptions, 'sanitize'> = {}) {
  return createMarkdown({ sanitize: nodeSanitizer, ...options });
}
