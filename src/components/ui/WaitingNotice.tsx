import { useEffect, useState } from 'react';

/** Seconds since `active` became true; 0 while inactive. */
export function useElapsedSeconds(active: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [active]);
  return seconds;
}

/** Shown from this many seconds on: before that, a spinner on the button is enough. */
export const WAITING_NOTICE_AFTER_S = 5;

/**
 * For calls that may wait on the organisation's custom credential service (up to about 60 s,
 * contract 6.2–6.3): from 5 s on, say who is being waited for and for how long, so a long save
 * does not look like a hang.
 */
export function WaitingNotice({ active, className }: { active: boolean; className?: string }) {
  const seconds = useElapsedSeconds(active);
  return (
    <p role="status" className={className ?? 'text-sm text-slate-700 empty:hidden'}>
      {active && seconds >= WAITING_NOTICE_AFTER_S && (
        <>
          Waiting for Skyvern (and your credential service)…{' '}
          {/* The ticking seconds are seen, not announced every second. */}
          <span aria-hidden="true">{seconds} s</span>
        </>
      )}
    </p>
  );
}
