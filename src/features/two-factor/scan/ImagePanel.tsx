import { useRef } from 'react';
import { ImageUp, LoaderCircle } from 'lucide-react';
import { Button } from '../../../components/ui/Button';
import { Problem } from './Problem';
import type { ImageState } from './types';

/** The image tab: choose a file (drop and paste are handled by the scanner around it). */
export function ImagePanel({ state, onFile }: { state: ImageState; onFile: (file: File) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="space-y-4">
      <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center">
        <ImageUp aria-hidden="true" className="size-8 text-slate-400" />
        <p className="max-w-sm text-sm text-slate-600">
          Choose a screenshot or photo of the QR code, drop it here, or paste it with{' '}
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            Ctrl
          </kbd>
          +
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            V
          </kbd>{' '}
          (
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            ⌘
          </kbd>
          +
          <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-sans text-xs">
            V
          </kbd>{' '}
          on a Mac).
        </p>
        <Button
          variant="primary"
          onClick={() => inputRef.current?.click()}
          loading={state.kind === 'decoding'}
        >
          Choose image…
        </Button>
        <input
          ref={inputRef}
          type="file"
          accept="image/*"
          aria-label="QR code image"
          className="hidden"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      {state.kind === 'decoding' && (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
          <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
          Looking for a QR code in {state.name}…
        </p>
      )}
      {state.kind === 'no-qr' && (
        <Problem title="No QR code found">
          No QR code could be read in this image, even from enlarged, reduced and smoothed copies.
          Use a sharper screenshot in which the whole code, with its white border, is visible.
        </Problem>
      )}
      {state.kind === 'unreadable' && (
        <Problem title="Not an image">
          That file is not an image the browser can open. Use a PNG, JPEG, GIF or WebP screenshot.
        </Problem>
      )}
    </div>
  );
}
