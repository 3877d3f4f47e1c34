// The palette's commands for finding and linking across posts: Find in all
// posts and Link to post. Both open a picker that the App shows.
import { useEffect, useRef } from 'react';
import type { CommandRegistry } from './commands';

export interface WritingCommandHandlers {
  findInPosts: () => void;
}

export const findInPostsKey = 'Mod-Shift-f';

export function useWritingCommands(commands: CommandRegistry, handlers: WritingCommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const h = () => latest.current;
    return commands.register({ id: 'go.findInPosts', title: 'Go: Find in all posts…', shortcut: findInPostsKey, run: () => h().findInPosts() });
  }, [commands]);
}
