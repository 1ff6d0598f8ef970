import { usePageTitle } from '../../lib/usePageTitle';
import { ProviderPanel } from './ProviderPanel';

function Mask({ mask }: { mask: string }) {
  const tail = mask.replace(/•/g, '');
  return (
    <>
      <span aria-hidden="true" className="font-mono tracking-wider">
        {mask}
      </span>
      <span className="sr-only">{tail ? `hidden, ending in ${tail}` : 'hidden'}</span>
      <span className="ml-2 text-xs text-slate-600">Stored by Skyvern; never shown again.</span>
    </>
  );
}

const EMPTY_SECRET = (
  <span className="text-amber-800">Empty. Skyvern cannot use this; save a new one below.</span>
);

const updated = (date: Date) => (
  <time dateTime={date.toISOString()} title={`${date.toISOString()} (UTC)`}>
    {new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date)}
  </time>
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Settings → Vault providers: the organisation's 1Password, Bitwarden and Azure Key Vault. */
export function VaultProvidersPage() {
  usePageTitle('Vault providers');
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Vault providers</h1>
        <p className="mt-1 text-sm text-slate-600">
          Let workflows read secrets from your organisation&apos;s own vaults. Workflows name an
          item (1Password vault and item ids, Bitwarden collection and item ids, Azure Key Vault
          secret names); Skyvern signs in with what is saved here. These settings do not decide
          where new Skyvern credentials are stored.
        </p>
      </div>

      <ProviderPanel
        provider="onepassword"
        title="1Password"
        intro="A 1Password service account lets workflows read items from the vaults it can access."
        fields={[
          {
            name: 'token',
            label: 'Service account token',
            secret: true,
            serverPath: 'token',
            description:
              'Starts with ops_. Create one in 1Password under Developer → Service accounts.',
          },
        ]}
        toInput={(values) => ({ token: values.token ?? '' })}
        describe={(status) => [
          [
            'Service account token',
            status.tokenSet ? <Mask mask={status.tokenMask} /> : EMPTY_SECRET,
          ],
          ['Last updated', updated(status.updatedAt)],
        ]}
        clearConsequence="Workflows that read 1Password items fall back to the server's own 1Password token, if it has one, and otherwise fail. Nothing is deleted from 1Password."
        checkProvider="onepassword"
      />

      <ProviderPanel
        provider="bitwarden"
        title="Bitwarden"
        intro="Skyvern signs in to Bitwarden with this account to read the items workflows name."
        fields={[
          {
            name: 'email',
            label: 'Email',
            type: 'email',
            serverPath: 'credential.email',
            validate: (value) => EMAIL.test(value.trim()) || 'Enter an e-mail address',
          },
          {
            name: 'masterPassword',
            label: 'Master password',
            secret: true,
            serverPath: 'credential.master_password',
          },
        ]}
        toInput={(values) => ({
          email: (values.email ?? '').trim(),
          masterPassword: values.masterPassword ?? '',
        })}
        describe={(status) => [
          ['Email', status.email],
          ['Master password', <span key="mp">Stored by Skyvern; never shown.</span>],
          ['Last updated', updated(status.updatedAt)],
        ]}
        clearConsequence="Workflows that read Bitwarden items fall back to the server's own Bitwarden account, if it has one, and otherwise fail. Nothing is deleted from Bitwarden."
        checkProvider="bitwarden"
      />

      <ProviderPanel
        provider="azure_credential"
        title="Azure Key Vault"
        intro="An Azure app registration (client secret credential) lets workflows read secrets from your Key Vaults."
        fields={[
          { name: 'tenantId', label: 'Tenant ID', serverPath: 'credential.tenant_id' },
          { name: 'clientId', label: 'Client ID', serverPath: 'credential.client_id' },
          {
            name: 'clientSecret',
            label: 'Client secret',
            secret: true,
            serverPath: 'credential.client_secret',
          },
        ]}
        toInput={(values) => ({
          tenantId: (values.tenantId ?? '').trim(),
          clientId: (values.clientId ?? '').trim(),
          clientSecret: values.clientSecret ?? '',
        })}
        describe={(status) => [
          ['Tenant ID', <span className="font-mono">{status.tenantId}</span>],
          ['Client ID', <span className="font-mono">{status.clientId}</span>],
          ['Client secret', status.secretSet ? <Mask mask={status.secretMask} /> : EMPTY_SECRET],
          ['Last updated', updated(status.updatedAt)],
        ]}
        clearConsequence="Workflows that read Azure Key Vault secrets fall back to the server's default Azure identity, and fail if it has no access. Nothing is deleted from Azure."
        checkProvider={null}
        noCheck="Skyvern has no check for Azure Key Vault: it does not contact Azure when saving, and a wrong tenant, client or secret shows only when a workflow reads a secret."
      />
    </div>
  );
}
