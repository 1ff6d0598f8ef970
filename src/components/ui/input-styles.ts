/**
 * The look of every text input and select. Its own module so that a screen which only needs the
 * style (the credentials list's toolbar) does not load the Field component with it.
 */
export const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ' +
  'placeholder:text-slate-500 focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/30 ' +
  'disabled:bg-slate-100 disabled:text-slate-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:focus:outline-red-600/30';
