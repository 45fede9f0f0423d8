/** Shared status handling of the model facades. */
import { InvalidInputError } from '../../errors.js';

/** The kernel rejected inputs that passed the facade's validation: the two disagree, a bug. */
export function kernelRejected(): never {
  throw new InvalidInputError('the kernel rejected inputs that passed validation (please report this)', { rule: 'kernel' });
}
