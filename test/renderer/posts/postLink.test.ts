import { describe, expect, it } from 'vitest';
import { postLinkMarkdown, relativePath } from '../../../renderer/posts/postLink';

describe('relativePath', () => {
  it('walks from the linking post’s folder to the target', () => {
    expect(relativePath('posts/a.md', 'posts/b.md')).toBe('b.md');
    expect(relativePath('posts/a.md', '_posts/2024-03-18-x.md')).toBe('../_posts/2024-03-18-x.md');
    expect(relativePath('top.md', 'posts/2024/deep.md')).toBe('posts/2024/deep.md');
    expect(relativePath('posts/2024/a.md', 'posts/b.md')).toBe('../b.md');
    expect(relativePath('posts/2024/a.md', 'top.md')).toBe('../../top.md');
  });
  it('does not take a folder for the same one because a name starts alike', () => {
    expect(relativePath('posts/a.md', 'posts-old/b.md')).toBe('../posts-old/b.md');
  });
});

describe('postLinkMarkdown', () => {
  it('escapes the text and encodes the path so neither ends the link early', () => {
    expect(postLinkMarkdown('Arrays [part 1]', 'posts/a.md', 'posts/my post (draft).md')).toBe('[Arrays \\[part 1\\]](my%20post%20%28draft%29.md)');
    expect(postLinkMarkdown('C:\\ paths', 'a.md', 'b.md')).toBe('[C:\\\\ paths](b.md)');
  });
});
