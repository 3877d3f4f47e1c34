// The palette's view commands: which panes show, and the theme. The registry
// binds the cycle's key (Mod-Alt-P) for the whole window, and leaves it alone
// while a dialog is open.
import type { CommandRegistry } from './registry';
import type { SettingsStore } from '../preferences/appPreferences';
import { themes } from '../preferences/useTheme';
import { nextViewMode, viewModes } from '../preferences/viewModes';

export function registerViewCommands(commands: CommandRegistry, settings: SettingsStore): () => void {
  return commands.registerTable(
    ...viewModes.map(({ mode }) => ({ id: `view.mode.${mode}` as const, run: () => settings.update({ viewMode: mode }) })),
    { id: 'view.mode.cycle', run: () => settings.update({ viewMode: nextViewMode(settings.get().viewMode) }) },
    ...themes.map(({ theme }) => ({ id: `theme.${theme}` as const, run: () => settings.update({ theme }) })),
  );
}
