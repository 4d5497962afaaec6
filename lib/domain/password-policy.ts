// The password rule every path applies (first administrator, self-service change, the
// new password after a reset) and the temporary passwords a reset hands out. Pure.

import { randomInt } from "node:crypto";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy-rules";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

// Demo and test passwords are published (README, the test suite): never acceptable on a
// real account, whatever their length.
const PUBLISHED = ["Park@2026", "Test@Pass-2026"];

// Common choices that pass a length rule; compared case-insensitively.
const COMMON = [
  "1234567890",
  "12345678910",
  "0123456789",
  "1qaz2wsx3edc",
  "1q2w3e4r5t",
  "qwertyuiop",
  "qwerty123456",
  "asdfghjkl;",
  "password123",
  "password1234",
  "password@123",
  "p@ssw0rd123",
  "admin123456",
  "admin@12345",
  "administrator",
  "iloveyou123",
  "woaini1314520",
  "abc1234567",
  "abcd123456",
  "aa123456789",
  "a1234567890",
  "qq123456789",
  "1111111111",
  "0000000000",
  "8888888888",
  "6666666666",
  "abcdefghij",
  "changeme123",
  "welcome123",
  "huawei@123",
  "admin@2026",
  "park@123456",
];

const BLOCKED = new Set([...PUBLISHED, ...COMMON].map((p) => p.toLowerCase()));

/**
 * What is wrong with `password` for the account `username`, as Chinese messages naming
 * the field; empty when it is acceptable.
 */
export function passwordProblems(password: string, username: string, field = "新密码"): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`${field}至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`${field}不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push(`${field}不能包含用户名`);
  if (BLOCKED.has(password.toLowerCase())) problems.push(`${field}是公开的演示密码或常见密码，请换一个`);
  else if (/^(.)\1+$/.test(password)) problems.push(`${field}不能是同一个字符的重复`);
  return problems;
}

// No 0/O, 1/l/I: a temporary password is read out or typed from a screen.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A one-time password for a reset or a new account: 14 characters, letters and digits. */
export function temporaryPassword(): string {
  for (;;) {
    let out = "";
    for (let i = 0; i < 14; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    // Mixed classes make it read as a password, and it must pass the rule it asks the user to follow.
    if (/[A-Z]/.test(out) && /[a-z]/.test(out) && /\d/.test(out)) return out;
  }
}
