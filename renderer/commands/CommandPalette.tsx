// Mod-Shift-P: every registered command, with its shortcut, filtered as you type.
import { useMemo } from 'react';
import type { CommandRegistry } from './registry';
import { keyLabel } from './modifierKeys';
import { useStore } from '../store';
import { QuickPick } from '../components/QuickPick';

interface CommandPaletteProps {
  commands: CommandRegistry;
  onClose: () => void;
}

export function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const all = useStore(commands.store);
  const items = useMemo(
    () => all.map((c) => ({ id: c.id, label: c.title, hint: c.shortcut ? keyLabel(c.shortcut) : undefined })),
    [all],
  );
  return (
    <QuickPick
      title="Command palette"
      placeholder="Type a command…"
      items={items}
      empty="No command matches."
      onPick={(id) => {
        onClose();
        // After the palette has gone and handed focus back, so the command acts where the author was.
        requestAnimationFrame(() => commands.run(id));
      }}
      onClose={onClose}
    />
  );
}
