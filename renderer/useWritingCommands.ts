// The palette's commands for finding and linking across posts (Find in all
// posts, Link to post) and for embedding a video (Insert video): each opens a
// picker or dialog that the App shows.
import { useEffect, useRef } from 'react';
import type { CommandRegistry } from './commands';
import { linkToPostKey } from './editor/linkToPost';

export interface WritingCommandHandlers {
  findInPosts: () => void;
  linkToPost: () => void;
  insertVideo: () => void;
}

export const findInPostsKey = 'Mod-Shift-f';

export function useWritingCommands(commands: CommandRegistry, handlers: WritingCommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const h = () => latest.current;
    return commands.register(
      { id: 'go.findInPosts', title: 'Go: Find in all posts…', shortcut: findInPostsKey, run: () => h().findInPosts() },
      // The editor's keymap binds the key (and `[[`), so it works while typing.
      { id: 'edit.linkToPost', title: 'Edit: Link to post…', shortcut: linkToPostKey, keys: 'elsewhere', run: () => h().linkToPost() },
      { id: 'edit.insertVideo', title: 'Edit: Insert video…', run: () => h().insertVideo() },
    );
  }, [commands]);
}
