/**
 * The public half of a key pair made for test builds alone (SIDECARD_TEST_KEY=1, wxt.config.ts):
 * Chromium derives an unpacked extension's id from its manifest `key`, so every test build has
 * the same id, and a build loaded over a profile another build wrote finds that build's data
 * (test/e2e/update.spec.ts). The private half was never kept; no store package carries this key.
 */
export const TEST_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3UONupsyV8/F2vlFkxGisuHw0pJ4a3JxXMhfN696NEX32MN2ZSpPZDXQfKev4AF30WrTdNdazxMkQFEDU2ZCZaJAeG2/x3ItPGRQFR44SfOuZgDTTBU7JbiNjFOs4VFHy2c/vTwak8tBuSVM6khUuc7G/Y3DckCwPeEQpt6v6urwQOcAppzuUTvbxIfx2K2bipqOuhrBJ355i1VVTWvaWpdkn7AqZwsu87Fh7b+Mf0iIA2dy4fbZLXNDN2XbWe4/uv7mxADQd+sPLg/1h94ZlrpHww2O3vt2mKrvqit0IstRazlburZWM670LeoQG0kwr+01l+ObDEm35hGqsGsWpwIDAQAB';

/** The id Chromium gives an extension with that key (the first 128 bits of its SHA-256, in a–p). */
export const TEST_EXTENSION_ID = 'olbgppddggholikcfaefhpiemddofdkg';
