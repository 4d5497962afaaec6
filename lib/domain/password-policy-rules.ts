// The numbers of the password rule, apart from password-policy.ts (which uses node:crypto)
// so the browser's forms can show them.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
