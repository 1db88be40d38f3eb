-- consent.expiring() lists granted consents that lapse within a window, per vertical, soonest first.
-- Without this index that query reads every consent_state row of the vertical; a partial index on the
-- granted rows answers it in expiry order and stays small, since withdrawn rows never enter it.
CREATE INDEX consent_state_expiring_idx ON consent_state (vertical, expires_at) WHERE status = 'granted';
