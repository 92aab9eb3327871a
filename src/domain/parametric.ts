/**
 * Parametric filters as engineers type them: `U_cc >= 4.5 V`, `f_max>10MHz`, `I_out ≤ 100 mA`, `t_pd < 11ns`.
 * Values are converted to SI so that `U_cc ≥ 4.5 V` matches a parameter stored from `4500 mV`.
 */
import { parseQuantity } from './units';

export type ParamOp = '>=' | '<=' | '=' | '>' | '<';

export interface ParamFilter {
  /** The name as typed, and its key for comparison (lower case, no separators). */
  name: string;
  nameKey: string;
  op: ParamOp;
  /** SI value and unit ('' when none was given). */
  value: number;
  unit: string;
}

export const paramNameKey = (name: string) => name.toLowerCase().replace(/[\s_.-]/g, '');

const OPS: [string, ParamOp][] = [
  ['>=', '>='],
  ['≥', '>='],
  ['<=', '<='],
  ['≤', '<='],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
];

/** Parses one filter or returns a message saying what is wrong with it. */
export function parseParamFilter(text: string): ParamFilter | string {
  const t = text.trim();
  for (const [symbol, op] of OPS) {
    const i = t.indexOf(symbol);
    if (i <= 0) continue;
    const name = t.slice(0, i).trim();
    const quantity = parseQuantity(t.slice(i + symbol.length).replace(/−/g, '-'));
    if (!name || !/^[\p{L}\p{N}_.\- ]{1,50}$/u.test(name)) return `parameter filter "${t}": the name must be letters, digits or _`;
    if (!quantity) return `parameter filter "${t}": the value must be a number with an optional unit (4.5 V, 100 mA, 10MHz)`;
    return { name, nameKey: paramNameKey(name), op, value: quantity.value, unit: quantity.unit };
  }
  return `parameter filter "${t}": expected name, comparison (>=, <=, =, >, <) and value, e.g. U_cc >= 4.5 V`;
}
