import { toErrorInfo, type ErrorInfo } from '../personio/errors';
import type { SettingsSnapshot, SettingsSource } from './settings-source';

export type Failure = { ok: false; error: ErrorInfo };

/** A request's failure as the page shows it (the organisation's policy unreadable, Personio's error). */
export function failure(error: unknown): Failure {
  return { ok: false, error: toErrorInfo(error) };
}

/** Settings with the policy, or the failure to answer when the browser will not give the policy. */
export function settledOrFailure(settings: SettingsSource): Promise<SettingsSnapshot | Failure> {
  return settings.settled().catch(failure);
}
