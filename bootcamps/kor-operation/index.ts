// Registry of the KorOperation family: custom operators (€, ⊕, □, △, ◎, ●, ★, ￠, ￡) defined in the prompt.
// 25a0, 25bd and 25c6 decide equality as their references' sympy calls do (sympy-checks.ts).
import type { AnyBootcamp } from '../types.ts';
import { korOperation20ac } from './matrix-20ac.ts';
import { korOperation2295 } from './complex-2295.ts';
import { korOperation25a1 } from './calculus-25a1.ts';
import { korOperation25b3 } from './calculus-25b3.ts';
import { korOperation25ce } from './complex-square-25ce.ts';
import { korOperation25cf } from './integral-25cf.ts';
import { korOperation2605 } from './star-2605.ts';
import { korOperationFfe0 } from './fraction-ffe0.ts';
import { korOperationFfe1 } from './sets-ffe1.ts';
import { korOperation25cb } from './circle-25cb.ts';
import { korOperation25a0, korOperation25bd, korOperation25c6 } from './sympy-checks.ts';

export const korOperationBootcamps: AnyBootcamp[] = [
  korOperation20ac,
  korOperation2295,
  korOperation25a0,
  korOperation25a1,
  korOperation25b3,
  korOperation25bd,
  korOperation25c6,
  korOperation25cb,
  korOperation25ce,
  korOperation25cf,
  korOperation2605,
  korOperationFfe0,
  korOperationFfe1,
];
