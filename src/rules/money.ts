/**
 * Money in Komek is an integer number of tiyn (1 tenge = 100 tiyn), never a float. These helpers parse
 * tenge figures as written in acts ("305374.72"), multiply by legal rates exactly and round as the
 * district configuration says (see law/rounding.md: default integer tiyn, half-up).
 */
import { RulesError } from './rules-error';

/** An integer amount of tiyn. */
export type Tiyn = number;

/** How an amount computed from a rate is rounded (district configuration `amountRounding`). */
export const ROUNDINGS = ['tiyn-half-up', 'tenge-half-up'] as const;
export type Rounding = (typeof ROUNDINGS)[number];

/** Checks that a value is a safe non-negative integer amount of tiyn. */
export function assertTiyn(value: number, what: string): Tiyn {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RulesError('INVALID_INPUT', `${what}: expected a non-negative integer number of tiyn, got ${value}`);
  }
  return value;
}

/** Parses a tenge figure with at most two decimals ("305374.72", "3932") into tiyn, exactly. */
export function tengeToTiyn(tenge: string | number): Tiyn {
  const s = typeof tenge === 'number' ? String(tenge) : tenge.trim();
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RulesError('INVALID_INPUT', `not a tenge amount with at most two decimals: "${s}"`);
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  return assertTiyn(whole * 100 + frac, `tenge amount "${s}"`);
}

/** Formats tiyn as a tenge figure with two decimals, e.g. 21376230 → "213762.30". */
export function formatTenge(tiyn: Tiyn): string {
  const sign = tiyn < 0 ? '-' : '';
  const a = Math.abs(tiyn);
  return `${sign}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Divides two non-negative bigints rounding half up. */
function divHalfUp(num: bigint, den: bigint): bigint {
  return (num * 2n + den) / (den * 2n);
}

/**
 * amount × numerator ÷ denominator, exact in integers, rounded half-up to a tiyn or to a whole tenge.
 * Used for "70 % of the guaranteed sum" (p.7.11), "n × MCI" with fractional n, and threshold multiples.
 */
export function scaleAmount(amount: Tiyn, numerator: number, denominator: number, rounding: Rounding): Tiyn {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RulesError('INVALID_INPUT', `scaleAmount: bad ratio ${numerator}/${denominator}`);
  }
  const unit = rounding === 'tenge-half-up' ? 100n : 1n;
  const result = divHalfUp(BigInt(amount) * BigInt(numerator), BigInt(denominator) * unit) * unit;
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RulesError('INVALID_INPUT', `scaleAmount: ${amount} × ${numerator}/${denominator} is too large for exact tiyn`);
  return Number(result);
}

/** Rounds an already exact tiyn amount to the configured unit (whole tenge rounds half up). */
export function roundAmount(amount: Tiyn, rounding: Rounding): Tiyn {
  return scaleAmount(amount, 1, 1, rounding);
}

/**
 * Converts a decimal written in configuration (a multiple like 1.5 or a percent like 70) into an exact
 * integer number of thousandths (1.5 → 1500). Rejects more than three decimals: the law's rates are round.
 */
export function toThousandths(value: number, what: string): number {
  const t = Math.round(value * 1000);
  if (!Number.isFinite(value) || value < 0 || Math.abs(t - value * 1000) > 1e-6) {
    throw new RulesError('INVALID_INPUT', `${what}: expected a non-negative number with at most three decimals, got ${value}`);
  }
  return t;
}
