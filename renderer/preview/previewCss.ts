/// <reference path="../raw.d.ts" />
// The CSS the preview adds to the site theme, and the theme rewritten for the
// mirror (see mirror.ts), which lays the same markup out inside a shadow root
// of the app page instead of a document of its own.
import themeCss from '../../common/theme/theme.css?raw';

/** Preview-only elements; the frame and the mirror both need them, to lay out alike. */
const placeholders = `
.pw-blocked-image {
  display: inline-flex; align-items: center; gap: 0.4em; max-width: 100%;
  padding: 0.35em 0.7em; border: 1px dashed var(--rule); border-radius: 6px;
  color: var(--muted); font: 0.85rem/1.4 var(--sans); overflow-wrap: anywhere;
}
.pw-blocked-image::before { content: "\\1F6AB"; }
.conflict { margin: 0 0 1.25em; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; }
.conflict-side { padding: 0.2em 1em 0.1em; border-left: 4px solid #1f68c9; }
.conflict-theirs { border-left-color: #1a7f37; border-top: 1px dashed var(--rule); }
.conflict-label { margin: 0.4em 0; color: var(--muted); font: 600 0.8rem/1.4 var(--sans); }
`;

/** Everything a frame's document styles itself with. */
export const frameCss = `${themeCss}
${placeholders}
html, body { overflow: hidden; }
.post.pw-continued { padding-top: 0; }
.post.pw-cut { padding-bottom: 0; }
`;

/**
 * The theme, made to work in a shadow root and to lay out as it does in a
 * frame as wide as the mirror: `:root` and `body` become the host and its body
 * element, and width media queries and vw units refer to the mirror's width
 * (a size container) rather than the app window's.
 */
export function shadowCss(css: string): string {
  return css
    .replace(/:root((?:\[[^\]]*\]|:not\([^)]*\))+)/g, ':host($1)')
    .replace(/:root\b/g, ':host')
    .replace(/(^|[\s,}])html(?=\s*[{,])/g, '$1:host')
    .replace(/(^|[\s,}])body(?=\s*[{,])/g, '$1.pw-body')
    .replace(/@media\s*\(\s*(max|min)-width/g, '@container pw ($1-width')
    .replace(/(\d)vw\b/g, '$1cqw');
}

/**
 * The mirror's own rules. It sits over the frames as a transparent copy: text
 * is invisible but selectable and links clickable; a chunk whose frame is
 * still loading is shown by the mirror instead ("live"), over a patch of the
 * page background. Each chunk's box is contained, so the browser lays out
 * and paints only the boxes on screen; the others keep their last measured
 * size (a new box is laid out in full once, while \`pw-fresh\`, to have one).
 */
export const mirrorCss = `${shadowCss(themeCss)}
${placeholders}
:host { all: initial; display: block; position: relative; container: pw / inline-size; }
.pw-body { position: relative; z-index: 1; background: transparent; }
.pw-chunk { contain: layout style paint; content-visibility: auto; contain-intrinsic-size: auto none; }
.pw-chunk.pw-fresh { content-visibility: visible; }
.pw-ghost, .pw-ghost * {
  color: transparent !important; background: transparent !important; border-color: transparent !important;
  text-decoration-color: transparent !important; box-shadow: none !important;
}
.pw-ghost img, .pw-ghost input, .pw-ghost::before, .pw-ghost *::before, .pw-ghost::after, .pw-ghost *::after { visibility: hidden; }
.pw-ghost ::marker, .pw-ghost::marker { color: transparent; }
.pw-ghost::selection, .pw-ghost *::selection { color: transparent; background: rgb(31 104 201 / 0.28); }
.pw-patch { position: absolute; left: 0; right: 0; z-index: 0; background: var(--bg); }
a { cursor: pointer; }
`;
