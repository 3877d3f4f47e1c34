// The palette's commands for finding and linking across posts (Find in all
// posts, Link to post) and for embedding a video (Insert video): each opens a
// picker or dialog that the App shows.
import { useEffect, useRef } from 'react';
import type { CommandRegistry } from './registry';

export interface WritingCommandHandlers {
  findInPosts: () => void;
  linkToPost: () => void;
  insertVideo: () => void;
}

export function useWritingCommands(commands: CommandRegistry, handlers: WritingCommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const h = () => latest.current;
    return commands.registerTable(
      { id: 'go.findInPosts', run: () => h().findInPosts() },
      // The editor's keymap binds the key (and `[[`), so it works while typing.
      { id: 'edit.linkToPost', run: () => h().linkToPost() },
      { id: 'edit.insertVideo', run: () => h().insertVideo() },
    );
  }, [commands]);
}
