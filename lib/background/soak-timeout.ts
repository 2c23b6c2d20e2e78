/**
 * Soak builds only (SIDECARD_SOAK=1, `npm run soak`): how long a request waits for an answer.
 * A round whose fault is a timeout then costs the soak seconds, not the half minute a user's
 * build waits (the client's default).
 */
export const SOAK_REQUEST_TIMEOUT_MS = 3_000;
