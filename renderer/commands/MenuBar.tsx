// The app menu in a browser tab, where there is no native menu: File, Edit,
// Format, View, Go and Site, each listing the palette's commands of that group
// ("File: New post…") with their shortcuts. Built from the command registry, so
// it never lists a command the app does not have. The desktop app has its own
// native menu and does not show this.
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Command, CommandRegistry } from './registry';
import { keyLabel } from './modifierKeys';
import { useStore } from '../store';
import './MenuBar.css';

const groups = ['File', 'Edit', 'Format', 'View', 'Go', 'Site'] as const;

/** A command's group and its title without the group, from "Group: Action". */
function split(command: Command): { group: string; label: string } {
  const colon = command.title.indexOf(': ');
  return colon < 0 ? { group: 'View', label: command.title } : { group: command.title.slice(0, colon), label: command.title.slice(colon + 2) };
}

export function MenuBar({ commands }: { commands: CommandRegistry }) {
  const all = useStore(commands.store);
  const [open, setOpen] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const menus = groups.map((group) => ({ group, items: all.filter((c) => split(c).group === group) })).filter((m) => m.items.length);

  const items = () => [...(bar.current?.querySelectorAll<HTMLElement>('.menu-popup [role="menuitem"]') ?? [])];
  const openMenu = (group: string | null) => {
    setOpen(group);
    if (group) requestAnimationFrame(() => items()[0]?.focus());
  };
  const close = () => {
    const button = bar.current?.querySelector<HTMLElement>(`[data-menu="${open}"]`);
    setOpen(null);
    button?.focus();
  };

  function onMenuKeyDown(event: KeyboardEvent) {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const at = menus.findIndex((m) => m.group === open);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      list[(index + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      openMenu(menus[(at + (event.key === 'ArrowRight' ? 1 : -1) + menus.length) % menus.length]!.group);
    } else if (event.key === 'Escape') {
      close();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div ref={bar} className="menu-bar" role="menubar" aria-label="Application menu" onBlur={(e) => !bar.current?.contains(e.relatedTarget) && setOpen(null)}>
      {menus.map(({ group, items: commandsOfGroup }) => (
        <div key={group} className="menu">
          <button
            type="button"
            role="menuitem"
            data-menu={group}
            className="menu-title"
            aria-haspopup="menu"
            aria-expanded={open === group}
            onClick={() => openMenu(open === group ? null : group)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                openMenu(group);
              }
            }}
          >
            {group}
          </button>
          {open === group && (
            <div className="menu-popup" role="menu" aria-label={group} onKeyDown={onMenuKeyDown}>
              {commandsOfGroup.map((command) => (
                <button
                  key={command.id}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  onClick={() => {
                    setOpen(null);
                    command.run();
                  }}
                >
                  <span>{split(command).label}</span>
                  {command.shortcut && <kbd>{keyLabel(command.shortcut)}</kbd>}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
