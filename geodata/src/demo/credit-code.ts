/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters —
 * registration authority (9 = market regulation), entity type (1 = enterprise), 6-digit division code,
 * 9-character organisation code (GB 11714, with its own check character), and a final check character.
 * The demo firms get valid codes so that importers and validators can be tested against them.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // 31 characters: no I, O, S, V, Z
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character of the 8-digit organisation code body (GB 11714). */
export function orgCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Check character of the first 17 characters (GB 32100). */
export function creditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid character '${first17[i]}' in credit code`);
    sum += v * WEIGHTS[i]!;
  }
  return CHARS[(31 - (sum % 31)) % 31]!;
}

/** A valid code for an enterprise registered in `division6` with the 8-digit organisation body `body8`. */
export function makeCreditCode(division6: string, body8: string): string {
  if (!/^\d{6}$/.test(division6) || !/^\d{8}$/.test(body8)) throw new Error('division6 and body8 must be digits');
  const first17 = '91' + division6 + body8 + orgCheck(body8);
  return first17 + creditCheck(first17);
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) && creditCheck(code.slice(0, 17)) === code[17];
}
