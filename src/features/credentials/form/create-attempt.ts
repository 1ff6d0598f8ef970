import type { Credential } from '../../../api/schemas';
import { cardDigits } from '../../../lib/card';
import type { CredentialFormValues } from './schema';

/** What a possibly-created credential looks like, to find it again after a lost answer. */
export interface CreateAttempt {
  name: string;
  type: Credential['credential_type'];
  identifier: string;
}

export function attemptOf(values: CredentialFormValues): CreateAttempt {
  const name = values.name.trim();
  switch (values.credentialType) {
    case 'password':
      return { name, type: 'password', identifier: values.username };
    case 'credit_card': {
      const digits = cardDigits(values.cardNumber);
      return {
        name,
        type: 'credit_card',
        identifier: `${values.cardBrand.trim()} •••• ${digits.slice(-4)}`,
      };
    }
    case 'secret':
      return { name, type: 'secret', identifier: values.secretLabel.trim() };
  }
}
