/** What the keyboard can do in the layout editor. */
export interface LayoutKeyActions {
  undo(): void;
  redo(): void;
  /** A region is selected and the layout is custom, so it can be moved and deleted. */
  canEditSelection(): boolean;
  nudge(dx: number, dy: number): void;
  removeSelected(): void;
  deselect(): void;
}

function isTextTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/**
 * The editor's keys: Ctrl/⌘+Z, Ctrl/⌘+Shift+Z and Ctrl/⌘+Y anywhere in it (but not inside a text
 * field, which has its own undo); arrows nudge the selected region by 1 px (10 with Shift), Delete
 * or Backspace removes it, Escape deselects.
 */
export function layoutKeyHandler(actions: LayoutKeyActions): (event: KeyboardEvent) => void {
  return (event) => {
    const mod = event.ctrlKey || event.metaKey;
    const typing = isTextTarget(event.target);
    if (mod && (event.key === 'z' || event.key === 'Z') && !typing) {
      event.preventDefault();
      if (event.shiftKey) actions.redo();
      else actions.undo();
      return;
    }
    if (mod && event.key === 'y' && !typing) {
      event.preventDefault();
      actions.redo();
      return;
    }
    if (typing || !actions.canEditSelection()) return;
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      actions.nudge(move[0], move[1]);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      actions.removeSelected();
    } else if (event.key === 'Escape') {
      actions.deselect();
    }
  };
}
