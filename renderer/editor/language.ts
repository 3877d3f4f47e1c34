// Markdown with YAML front matter. Code-block languages come from
// @codemirror/language-data, which loads each grammar only when a fence uses it.
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { languages } from '@codemirror/language-data';
import type { Extension } from '@codemirror/state';

export function postLanguage(): Extension {
  // Without the front matter wrapper, "title: x\n---" would parse as a setext heading.
  return yamlFrontmatter({ content: markdown({ base: markdownLanguage, codeLanguages: languages }) });
}
