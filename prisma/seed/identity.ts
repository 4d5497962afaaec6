// People's names, phone numbers and 统一社会信用代码 that look real (valid check
// digits included) without being anyone's.
import { GIVEN_NAMES, MOBILE_PREFIXES, SURNAMES } from "./catalog";
import type { Rng } from "./random";

export function personName(rng: Rng): string {
  return rng.weighted(SURNAMES) + rng.pick(GIVEN_NAMES);
}

/** A name not yet in `taken` (which it then joins). */
export function uniquePersonName(rng: Rng, taken: Set<string>): string {
  for (let i = 0; i < 200; i++) {
    const name = personName(rng);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error("ran out of person names");
}

export function mobilePhone(rng: Rng): string {
  let digits = rng.pick(MOBILE_PREFIXES);
  while (digits.length < 11) digits += String(rng.int(0, 9));
  return digits;
}

// GB 32100-2015: 18 characters from this alphabet, the last one a check character.
const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// GB 11714-1997: the 9-character organisation code inside it has its own check character.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function orgCharValue(c: string): number {
  return /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 ... Z = 35
}

function orgCheck(body: string): string {
  const sum = body.split("").reduce((s, c, i) => s + orgCharValue(c) * ORG_WEIGHTS[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

function creditCheck(body17: string): string {
  const sum = body17.split("").reduce((s, c, i) => s + CREDIT_ALPHABET.indexOf(c) * CREDIT_WEIGHTS[i], 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** 91 (market regulator, enterprise) + division code + organisation code + check. */
export function creditCode(rng: Rng, divisionCode: string): string {
  let body: string;
  if (rng.chance(0.6)) {
    // Companies registered since 2015 get codes like 91431200MA4L2K3X7B.
    body = "MA4";
    const letters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    while (body.length < 8) body += letters[rng.int(0, letters.length - 1)];
  } else {
    body = String(rng.pick(["5", "6", "7", "0"]));
    while (body.length < 8) body += String(rng.int(0, 9));
  }
  const org = body + orgCheck(body);
  const first17 = `91${divisionCode}${org}`;
  return first17 + creditCheck(first17);
}

export function isValidCreditCode(code: string): boolean {
  return code.length === 18 && [...code].every((c) => CREDIT_ALPHABET.includes(c)) && creditCheck(code.slice(0, 17)) === code[17];
}
