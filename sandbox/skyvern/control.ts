/*
 * Test-control routes (SANDBOX_TEST_CONTROL=1, no auth unless stated): fault injection, and
 * browser profiles, which in Skyvern come from browsers the sandbox does not run.
 */
import type { Hono } from 'hono';
import { newId } from '../lib/ids';
import { naiveIsoNow } from '../lib/time';
import { addBrowserProfile, type NewProfileInput } from './browser-profiles';
import type { SkyvernContext } from './context';
import type { FaultState } from './faults';
import { json } from './http';
import type { ProfileRow } from './profile-store';

export interface ProfileControl extends NewProfileInput {
  usedByWorkflows: Array<{ workflow_permanent_id: string; title: string }>;
  seededRuns: number;
}

export function parseProfileControl(body: unknown): ProfileControl | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = body as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : null);
  const name = text('name');
  if (name === null) return null;
  const workflows = Array.isArray(value['used_by_workflows']) ? value['used_by_workflows'] : [];
  const usedByWorkflows = workflows.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { workflow_permanent_id: wpid, title } = entry as Record<string, unknown>;
    return typeof wpid === 'string' && typeof title === 'string'
      ? [{ workflow_permanent_id: wpid, title }]
      : [];
  });
  const runs = value['seeded_runs'];
  return {
    name,
    description: text('description'),
    isManaged: value['is_managed'] === true,
    workflowPermanentId: text('workflow_permanent_id'),
    lastVerifiedLoginAt: text('last_verified_login_at'),
    usedByWorkflows,
    seededRuns:
      typeof runs === 'number' && Number.isInteger(runs) ? Math.min(Math.max(runs, 0), 100) : 0,
  };
}

/** A profile, the workflows that use it (version 1) and runs seeded with it just now. */
export function addProfileWithUsage(
  ctx: SkyvernContext,
  organizationId: string,
  input: ProfileControl,
): ProfileRow {
  const row = addBrowserProfile(ctx, organizationId, input);
  for (const workflow of input.usedByWorkflows) {
    ctx.profiles.insertWorkflow(
      organizationId,
      workflow.workflow_permanent_id,
      1,
      workflow.title,
      row.id,
    );
  }
  for (let run = 0; run < input.seededRuns; run += 1) {
    ctx.profiles.insertRun(organizationId, newId('wr').id, row.id, naiveIsoNow());
  }
  return row;
}

export function registerControlRoutes(
  app: Hono,
  ctx: SkyvernContext,
  faults: FaultState,
  authenticate: (headers: Headers) => string,
): void {
  app.post('/__sandbox/faults', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return json(400, {
        detail: 'Send a JSON object: { delayMs?, status?, pathPrefix?, count? }',
      });
    }
    const problem = faults.set(body);
    return problem === null
      ? json(200, { ok: true, fault: faults.current })
      : json(400, { detail: problem });
  });
  app.get('/__sandbox/faults', () => json(200, { fault: faults.current }));
  // Profiles come from browsers the sandbox does not run: tests and e2e add them here.
  app.post('/__sandbox/browser_profiles', async (c) => {
    const organizationId = authenticate(c.req.raw.headers);
    const body: unknown = await c.req.json().catch(() => null);
    const input = parseProfileControl(body);
    if (input === null) {
      return json(400, {
        detail:
          'Send { name, description?, is_managed?, workflow_permanent_id?, used_by_workflows?: [{workflow_permanent_id, title}], seeded_runs? }',
      });
    }
    const row = addProfileWithUsage(ctx, organizationId, input);
    return json(200, { browser_profile_id: row.id });
  });
  app.delete('/__sandbox/faults', () => {
    faults.clear();
    return json(200, { ok: true });
  });
}
