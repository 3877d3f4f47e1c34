// The palette's view commands: which panes show, and the theme. The registry
// binds the cycle's Mod-Alt-P for the whole window (and leaves it alone while a
// dialog is open), so this is the one place that shortcut is bound.
import type { CommandRegistry } from './commands';
import type { SettingsStore } from './settings';
import { themes } from './useTheme';
import { cycleViewModeKey, nextViewMode, viewModes } from './viewModes';

export function registerViewCommands(commands: CommandRegistry, settings: SettingsStore): () => void {
  return commands.register(
    ...viewModes.map(({ mode, title }) => ({ id: `view.mode.${mode}`, title: `View: ${title}`, run: () => settings.update({ viewMode: mode }) })),
    {
      id: 'view.mode.cycle',
      title: 'View: Cycle view mode',
      shortcut: cycleViewModeKey,
      run: () => settings.update({ viewMode: nextViewMode(settings.get().viewMode) }),
    },
    ...themes.map(({ theme, label }) => ({ id: `theme.${theme}`, title: `Theme: ${label}`, run: () => settings.update({ theme }) })),
  );
}
