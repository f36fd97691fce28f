// A tag shown as a chip with its vocabulary colour (a dot, so the text keeps its contrast in both themes).
import type { CSSProperties } from 'react';

type Props = { name: string; color?: string; small?: boolean; testId?: string };

export function TagChip({ name, color, small, testId }: Props) {
  const style = color ? ({ '--tag-color': color } as CSSProperties) : undefined;
  return (
    <span
      className={`chip tag-chip ${small ? 'chip-small' : ''}`}
      style={style}
      data-testid={testId}
      data-tag={name}
    >
      <span className="tag-dot" aria-hidden="true" />
      {name}
    </span>
  );
}
