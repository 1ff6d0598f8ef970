import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { Credential } from '../../../api/schemas';
import { Field, inputClass } from '../../../components/ui/Field';
import { SecretInput } from '../../../components/ui/SecretInput';
import {
  cardDigits,
  cvvLength,
  detectCardBrand,
  formatCardNumber,
  passesLuhn,
} from '../../../lib/card';
import type { CredentialFormApi } from './fields';

const months = Array.from({ length: 12 }, (_, index) => {
  const value = String(index + 1).padStart(2, '0');
  const name = new Date(2000, index, 1).toLocaleString('en', { month: 'long' });
  return { value, label: `${value} · ${name}` };
});

/** Card number, expiry, CVV, brand and optional billing details of a card credential. */
export function CardFields({
  form,
  editing,
}: {
  form: CredentialFormApi;
  editing: Credential | undefined;
}) {
  const errors = form.formState.errors;
  const [brandTouched, setBrandTouched] = useState(Boolean(editing));
  const number = cardDigits(form.watch('cardNumber'));
  const detected = detectCardBrand(number);
  const cvv = cvvLength(detected);
  const lastFour = editing?.credential_type === 'credit_card' ? editing.credential.last_four : null;

  let numberHint: string;
  if (!number)
    numberHint =
      lastFour && lastFour !== '****'
        ? `The stored card ends in ${lastFour}. Enter the full number again.`
        : 'Digits only; spaces are added for you.';
  else if (number.length >= 12 && passesLuhn(number))
    numberHint = `${detected?.label ?? 'Card'} number, check digit OK.`;
  else numberHint = detected ? `Looks like ${detected.label}.` : 'Keep typing…';

  return (
    <div className="space-y-5">
      <Field label="Cardholder name" required error={errors.cardHolderName?.message}>
        <input autoComplete="off" className={inputClass} {...form.register('cardHolderName')} />
      </Field>
      <Controller
        control={form.control}
        name="cardNumber"
        render={({ field, fieldState }) => (
          <Field
            label="Card number"
            required
            error={fieldState.error?.message}
            description={numberHint}
          >
            <SecretInput
              ref={field.ref}
              name={field.name}
              value={field.value}
              revealLabel="card number"
              autoComplete="off"
              inputMode="numeric"
              onBlur={field.onBlur}
              onChange={(event) => {
                const formatted = formatCardNumber(event.target.value);
                field.onChange(formatted);
                const brand = detectCardBrand(cardDigits(formatted));
                if (brand && !brandTouched) form.setValue('cardBrand', brand.label);
              }}
            />
          </Field>
        )}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Expiry month" required error={errors.cardExpMonth?.message}>
          <select className={inputClass} {...form.register('cardExpMonth')}>
            <option value="">Month</option>
            {months.map((month) => (
              <option key={month.value} value={month.value}>
                {month.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Expiry year" required error={errors.cardExpYear?.message}>
          <input
            inputMode="numeric"
            autoComplete="off"
            placeholder="YYYY"
            maxLength={4}
            className={inputClass}
            {...form.register('cardExpYear')}
          />
        </Field>
        <Field
          label="CVV"
          required
          error={errors.cardCvv?.message}
          description={
            cvv.digits === 4 ? '4-digit CID on the front of the card' : '3 digits on the back'
          }
        >
          <SecretInput
            revealLabel="CVV"
            inputMode="numeric"
            autoComplete="off"
            maxLength={cvv.digits}
            {...form.register('cardCvv')}
          />
        </Field>
      </div>
      <Field
        label="Card brand"
        required
        error={errors.cardBrand?.message}
        description="Filled in from the card number; change it if Skyvern should see another name."
      >
        <input
          autoComplete="off"
          className={inputClass}
          {...form.register('cardBrand', {
            onChange: () => setBrandTouched(true),
          })}
        />
      </Field>
      <details className="group rounded-lg border border-slate-200 bg-slate-50/60 px-4 py-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600">
          Billing details (optional)
        </summary>
        <p className="mt-2 text-xs text-slate-600">
          {editing
            ? 'Leave these empty to keep the billing details Skyvern has stored; whatever you fill in replaces them.'
            : 'Only needed where a checkout asks for them.'}
        </p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <Field
            label="Address line 1"
            className="sm:col-span-2"
            error={errors.billingLine1?.message}
          >
            <input autoComplete="off" className={inputClass} {...form.register('billingLine1')} />
          </Field>
          <Field
            label="Address line 2"
            className="sm:col-span-2"
            error={errors.billingLine2?.message}
          >
            <input autoComplete="off" className={inputClass} {...form.register('billingLine2')} />
          </Field>
          <Field label="City" error={errors.billingCity?.message}>
            <input autoComplete="off" className={inputClass} {...form.register('billingCity')} />
          </Field>
          <Field label="State or region" error={errors.billingState?.message}>
            <input autoComplete="off" className={inputClass} {...form.register('billingState')} />
          </Field>
          <Field label="Postal code" error={errors.billingPostalCode?.message}>
            <input
              autoComplete="off"
              className={inputClass}
              {...form.register('billingPostalCode')}
            />
          </Field>
          <Field label="Country" error={errors.billingCountry?.message}>
            <input autoComplete="off" className={inputClass} {...form.register('billingCountry')} />
          </Field>
          <Field label="Billing email" error={errors.billingEmail?.message}>
            <input
              type="email"
              autoComplete="off"
              className={inputClass}
              {...form.register('billingEmail')}
            />
          </Field>
          <Field label="Billing phone" error={errors.billingPhone?.message}>
            <input
              type="tel"
              autoComplete="off"
              className={inputClass}
              {...form.register('billingPhone')}
            />
          </Field>
        </div>
      </details>
    </div>
  );
}
