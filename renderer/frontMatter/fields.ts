// The panel's model, as pure functions of the editor state: the fields the
// panel shows, and the document change that one field edit makes.
import type { ChangeSpec, EditorState } from '@codemirror/state';
import { frontMatterTags, isDraft, setFrontMatterField, type FieldValue, type QuoteStyle } from '../../common/post';
import { fieldOf, keyAsWritten } from '../../common/frontMatter/keys';
import { minimalChange } from '../editor/replaceDoc';
import { writtenDate } from './dateValue';
import { frontMatterField, type FrontMatter } from './frontMatterField';

export interface PanelFields {
  title: string;
  /** As written, e.g. `2024-03-18` or `2024-03-18 09:30:00 +0100`; '' when none. */
  date: string;
  tags: string[];
  draft: boolean;
  slug: string;
  description: string;
}

export type FieldEdit =
  | { field: 'title' | 'slug' | 'description'; value: string }
  /** The value picked in the date input (see dateValue.ts); it is written in the style of the date there now. */
  | { field: 'date'; value: string }
  | { field: 'tags'; value: readonly string[] }
  | { field: 'draft'; value: boolean };

export type FieldName = FieldEdit['field'];

export function panelFields({ data }: FrontMatter): PanelFields {
  // Keys in any case, as Hugo reads them (`Title:`).
  const field = (name: string) => fieldOf(data, name);
  return {
    title: asText(field('title')),
    date: asText(field('date')),
    tags: frontMatterTags(field('tags')),
    draft: isDraft(data),
    slug: asText(field('slug')),
    description: asText(field('description')),
  };
}

/** A value as the author typed it: not trimmed, or a trailing space could never be typed. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The YAML key an edit writes, and the value written there. */
export function yamlField({ data }: FrontMatter, edit: FieldEdit): { key: string; value: FieldValue } {
  switch (edit.field) {
    case 'draft':
      // Jekyll posts say `published: false`; they keep saying it that way.
      if (keyAsWritten(data, 'draft') === undefined && keyAsWritten(data, 'published') !== undefined) return { key: 'published', value: !edit.value };
      return { key: 'draft', value: edit.value };
    case 'tags':
      return { key: 'tags', value: edit.value };
    case 'date':
      return { key: 'date', value: writtenDate(asText(fieldOf(data, 'date')), edit.value) || null };
    default:
      // An emptied field is left empty (`title:`), not `title: ""`.
      return { key: edit.field, value: edit.value === '' ? null : edit.value };
  }
}

/**
 * The smallest change to the document that makes one field edit, written in
 * `quote` style where YAML allows. Null when nothing changes, or when the
 * front matter cannot be edited (its error says why).
 */
export function fieldChange(state: EditorState, edit: FieldEdit, quote?: QuoteStyle): ChangeSpec | null {
  const fm = state.field(frontMatterField);
  if (fm.error || fm.block.kind === 'json') return null;
  const { key, value } = yamlField(fm, edit);
  const next = setFrontMatterField(fm.head, key, value, quote);
  return next === fm.head ? null : minimalChange(fm.head, next);
}
