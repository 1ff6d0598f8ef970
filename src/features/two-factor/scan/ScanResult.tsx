import { useEffect, useRef, type ReactNode } from 'react';
import { RotateCcw } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { keyMessages, type KeyParseResult, type TotpAccount } from '../../../lib/authenticator-key';
import { MigrationPicker } from './MigrationPicker';
import { Problem } from './Problem';
import { TotpResult } from './TotpResult';
import { VIA, type Decoded, type Tab } from './types';

/** What a scan read: a key, an export to pick from, or why it cannot be used. */
export function ScanResult({
  decoded,
  onUse,
  onAgain,
}: {
  decoded: Decoded;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  onAgain: () => void;
}) {
  const { result, via } = decoded;
  const containerRef = useRef<HTMLDivElement>(null);
  // The button that led here has unmounted: move focus to the result so keyboard users keep
  // their place and screen readers read it.
  useEffect(() => {
    containerRef.current?.focus();
  }, []);
  const again = (
    <Button onClick={onAgain}>
      <RotateCcw aria-hidden="true" className="size-4" />
      Scan another
    </Button>
  );

  return (
    <div ref={containerRef} tabIndex={-1} className="focus:outline-none">
      <ScanResultBody result={result} via={via} onUse={onUse} again={again} />
    </div>
  );
}

function ScanResultBody({
  result,
  via,
  onUse,
  again,
}: {
  result: KeyParseResult;
  via: Tab;
  onUse: ((formValue: string, totp: TotpAccount) => void) | undefined;
  again: ReactNode;
}) {
  if (result.kind === 'totp') {
    return (
      <TotpResult totp={result.totp} onUse={onUse} again={again}>
        <p className="text-sm text-slate-700">
          {result.source === 'url-secret'
            ? `Found a setup key in a web address read from ${VIA[via]}.`
            : `Read an authenticator key from ${VIA[via]}.`}
        </p>
      </TotpResult>
    );
  }
  if (result.kind === 'migration') {
    return <MigrationPicker payload={result.payload} onUse={onUse} again={again} />;
  }
  const problem =
    result.kind === 'hotp'
      ? { title: 'Counter-based keys are not supported', body: keyMessages.hotp }
      : result.kind === 'not-otpauth'
        ? {
            title: 'Not an authenticator QR code',
            body: `${keyMessages.notOtpauth} This one holds ${result.summary}.`,
          }
        : result.kind === 'invalid'
          ? { title: 'This key cannot be used', body: result.reason }
          : { title: 'Nothing was read', body: 'Try again.' };
  return (
    <div className="space-y-4">
      <Problem title={problem.title}>{problem.body}</Problem>
      {again}
    </div>
  );
}
