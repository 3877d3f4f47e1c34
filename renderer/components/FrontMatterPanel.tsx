// The post's front matter as a form above the editor: the title always, the
// other fields in a section that folds away. Every field edit is a change to
// the YAML in the editor, and every change there shows here; the document
// stays the one source of truth (see frontMatter/). The form lives inside the
// editor's scroller, above the text, so it scrolls away with the text instead
// of staying pinned over it (an open Details panel took half the column).
import { redo, undo } from '@codemirror/commands';
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { PostSummary } from '../../common/api';
import { preferredSpellings } from '../../common/tagSpellings';
import { formatDay } from '../dateFormat';
import { FieldEditor } from '../frontMatter/fieldEditor';
import { dateProblem, slugProblem } from '../frontMatter/fieldProblems';
import { panelFields, type FieldEdit } from '../frontMatter/fields';
import type { FrontMatterSync } from '../frontMatter/frontMatterSync';
import { isMod } from '../commands/modifierKeys';
import { useStore } from '../store';
import { DateField } from './DateField';
import { Icon } from './Icon';
import { TagChips } from './TagChips';

interface FrontMatterPanelProps {
  view: EditorView;
  frontMatter: FrontMatterSync;
  /** The open post's id and the workspace's posts, to warn about a slug another post has. */
  postId: string;
  posts: readonly PostSummary[];
}

/** Puts the editor's cursor at `pos` and hands it the keyboard. */
function focusEditorAt(view: EditorView, pos: number) {
  view.dispatch({ selection: EditorSelection.cursor(pos), effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
  view.focus();
}

/**
 * Makes room above the text for the panel: its height is the editor's top padding (see frontMatterPanel.css).
 * Set before the window's effects run, so a scroll they ask for (a post reopened where it was left) lands right.
 */
function useRoomAbove(view: EditorView, panel: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const scroller = view.scrollDOM;
    const makeRoom = () => {
      scroller.style.setProperty('--front-matter-height', `${element.offsetHeight}px`);
      // The padding is the text's offset: CodeMirror measures it again.
      view.requestMeasure();
    };
    makeRoom();
    const observer = new ResizeObserver(makeRoom);
    observer.observe(element);
    return () => {
      observer.disconnect();
      scroller.style.removeProperty('--front-matter-height');
    };
  }, [view, panel]);
}

export function FrontMatterPanel({ view, frontMatter, postId, posts }: FrontMatterPanelProps) {
  const fm = useStore(frontMatter.store);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLElement>(null);
  useRoomAbove(view, panel);
  const editor = useMemo(() => new FieldEditor(view), [view]);
  const id = useId();
  const fields = panelFields(fm);
  // JSON front matter is read, never rewritten (see common/frontMatter/json.ts).
  const readOnly = fm.error !== null || fm.block.kind === 'json';
  const edit = (change: FieldEdit) => editor.edit(change);
  const done = () => editor.end();

  // Undo in a field undoes the document, where the field's edits went, not the input's own history.
  function onKeyDown(event: KeyboardEvent) {
    const native = event.nativeEvent;
    const key = native.key.toLowerCase();
    const command = isMod(native) && key === 'z' ? undo : (isMod(native, true) && key === 'z') || (isMod(native) && key === 'y') ? redo : null;
    if (!command) return;
    event.preventDefault();
    editor.end();
    command(view);
  }

  const knownTags = useMemo(() => preferredSpellings(posts.filter((p) => p.id !== postId).map((p) => p.tags)), [posts, postId]);
  const badDate = dateProblem(fields.date);
  const takenSlug = slugProblem(fields.slug, postId, posts);
  const summary = [formatDay(fields.date), fields.tags.join(', '), fields.draft ? 'Draft' : ''].filter(Boolean).join(' · ');
  // Shown while Details is folded too: a problem must not hide behind a closed panel.
  const problems = [badDate && 'the date is not valid', takenSlug && 'the slug is taken'].filter(Boolean).join(', ');
  return createPortal(
    <section ref={panel} className="front-matter" aria-label="Front matter" onKeyDown={onKeyDown}>
      <div className="fm-column">
        {/* A one-line text area, so a long title wraps in a narrow column instead of scrolling out of sight. */}
        <textarea
          className="fm-title"
          aria-label="Title"
          placeholder="Untitled"
          rows={1}
          spellCheck
          value={fields.title}
          readOnly={readOnly}
          onChange={(e) => edit({ field: 'title', value: e.target.value.replace(/\s*\n\s*/g, ' ') })}
          onBlur={done}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            focusEditorAt(view, fm.block.bodyStart);
          }}
        />
        <div className="fm-bar">
          <button type="button" className="quiet-button fm-toggle" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
            <Icon name="chevron" />
            Details
          </button>
          {!open && summary && <span className="fm-summary">{summary}</span>}
          {!open && problems && (
            <span className="fm-summary fm-field-problem">
              <Icon name="warning" />
              {problems[0]!.toUpperCase() + problems.slice(1)}
            </span>
          )}
        </div>
        {fm.error && (
          <div className="fm-error" role="status">
            <Icon name="warning" />
            <p>
              <strong>{fm.block.kind === 'yaml' || fm.block.kind === 'toml' ? `Front matter line ${fm.error.line}:` : 'Front matter:'}</strong>{' '}
              {fm.error.message.replace(/^Front matter line \d+: /, '')}
            </p>
            <button type="button" className="quiet-button" onClick={() => focusEditorAt(view, view.state.doc.line(fm.error!.line).from)}>
              Go to line {fm.error.line}
            </button>
          </div>
        )}
        <div id={`${id}-details`} className="fm-details" hidden={!open}>
          <label className="fm-label" htmlFor={`${id}-date`}>
            Date
          </label>
          <div className="fm-row">
            <DateField
              id={`${id}-date`}
              raw={fields.date}
              readOnly={readOnly}
              problemId={badDate ? `${id}-date-problem` : undefined}
              onChange={(value) => edit({ field: 'date', value })}
              onDone={done}
            />
            <label className="fm-switch">
              <input
                type="checkbox"
                role="switch"
                checked={fields.draft}
                disabled={readOnly}
                onChange={(e) => edit({ field: 'draft', value: e.target.checked })}
                onBlur={done}
              />
              <span className="fm-switch-track" aria-hidden="true" />
              Draft
            </label>
          </div>
          {badDate && (
            <p id={`${id}-date-problem`} className="hint problem fm-problem" role="status">
              The date {badDate}
            </p>
          )}
          <label className="fm-label" htmlFor={`${id}-tags`}>
            Tags
          </label>
          <TagChips id={`${id}-tags`} tags={fields.tags} readOnly={readOnly} known={knownTags} onChange={(value) => edit({ field: 'tags', value })} onDone={done} />
          <label className="fm-label" htmlFor={`${id}-slug`}>
            Slug
          </label>
          <input
            id={`${id}-slug`}
            className="fm-input"
            value={fields.slug}
            readOnly={readOnly}
            placeholder="From the file name"
            spellCheck={false}
            aria-invalid={takenSlug ? true : undefined}
            aria-describedby={takenSlug ? `${id}-slug-problem` : undefined}
            onChange={(e) => edit({ field: 'slug', value: e.target.value })}
            onBlur={done}
          />
          {takenSlug && (
            <p id={`${id}-slug-problem`} className="hint problem fm-problem" role="status">
              {takenSlug}
            </p>
          )}
          <label className="fm-label" htmlFor={`${id}-description`}>
            Description
          </label>
          <textarea
            id={`${id}-description`}
            className="fm-input fm-description"
            rows={2}
            value={fields.description}
            readOnly={readOnly}
            placeholder="A sentence for feeds and search results"
            onChange={(e) => edit({ field: 'description', value: e.target.value })}
            onBlur={done}
          />
        </div>
      </div>
    </section>,
    view.scrollDOM,
  );
}
