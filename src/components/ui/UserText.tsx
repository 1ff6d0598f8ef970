import { hasBidiControls, revealBidiControls } from '../../lib/bidi';
import { cn } from '../../lib/cn';

/**
 * Text someone typed (a name, a username, a label), shown so that it cannot disguise itself or
 * what is around it: isolated from the surrounding text (`<bdi>`), and, when it holds bidi
 * control characters, shown with those characters spelled out and a visible warning, because
 * isolation alone still lets "gnp.exe" behind a right-to-left override read as "exe.png".
 *
 * `truncate` keeps it on one line with the whole text in a tooltip; otherwise it wraps anywhere,
 * so a long email or identifier never widens the page.
 */
export function UserText({
  text,
  truncate = false,
  className,
}: {
  text: string;
  truncate?: boolean;
  className?: string;
}) {
  const suspicious = hasBidiControls(text);
  const shown = suspicious ? revealBidiControls(text) : text;
  const body = (
    <bdi
      className={cn(
        'isolate-text',
        truncate ? 'block min-w-0 truncate' : 'wrap-anywhere',
        !suspicious && className,
      )}
      title={truncate ? shown : undefined}
    >
      {shown}
    </bdi>
  );
  if (!suspicious) return body;
  return (
    <span
      className={cn('inline-flex max-w-full min-w-0 flex-wrap items-baseline gap-x-1.5', className)}
    >
      {body}
      <span className="shrink-0 rounded bg-amber-100 px-1 text-xs font-medium whitespace-nowrap text-amber-900">
        <span aria-hidden="true">⚠ </span>contains direction controls
      </span>
    </span>
  );
}
