// The command palette (Ctrl/Cmd+K): every command of the registry, filtered as you type.
import { Command as Cmdk } from 'cmdk';
import { Modal } from '../../components/Modal';
import { paletteScore } from './rank';
import { COMMANDS, formatShortcut, type Command, type CommandContext } from './registry';

type Props = { ctx: CommandContext; onClose(): void; commands?: readonly Command[] };

export function CommandPalette({ ctx, onClose, commands = COMMANDS }: Props) {
  const groups = [...new Set(commands.map((c) => c.group))];
  return (
    <Modal label="Command palette" onClose={onClose} className="palette" testId="command-palette">
      <Cmdk
        label="Commands"
        loop
        vimBindings={false}
        // cmdk's default fuzzy score let "dark" rank "Search papers" (letters d-a-r-k in its
        // keywords) above "Toggle theme": score titles and whole keywords first.
        filter={(value, search, keywords) => {
          const [title = value, ...rest] = keywords ?? [];
          return paletteScore(search, title, rest);
        }}
      >
        <Cmdk.Input
          className="palette-input"
          placeholder="Type a command…"
          data-testid="palette-input"
          autoFocus
        />
        <Cmdk.List className="palette-list">
          <Cmdk.Empty className="palette-empty">No command matches.</Cmdk.Empty>
          {groups.map((g) => (
            <Cmdk.Group key={g} heading={g} className="palette-group">
              {commands
                .filter((c) => c.group === g)
                .map((c) => {
                  const enabled = c.enabled?.(ctx) ?? true;
                  return (
                    <Cmdk.Item
                      key={c.id}
                      value={c.id}
                      keywords={[c.title, ...(c.keywords ?? [])]}
                      disabled={!enabled}
                      className="palette-item"
                      data-testid={`command-${c.id}`}
                      onSelect={() => {
                        onClose();
                        // After the palette has closed and handed focus back, so a command
                        // that moves focus (Focus filter) keeps it.
                        setTimeout(() => c.run(ctx), 0);
                      }}
                    >
                      <span>{c.title}</span>
                      {c.shortcut && <kbd>{formatShortcut(c.shortcut)}</kbd>}
                    </Cmdk.Item>
                  );
                })}
            </Cmdk.Group>
          ))}
        </Cmdk.List>
      </Cmdk>
    </Modal>
  );
}
