/** Model closed forms: Merton jump diffusion, Heston. */
export { mertonJumpDiffusion } from './mertonJumpDiffusion.js';
export { hestonPrice } from './heston.js';
export type { HestonInput, HestonResult, MertonJumpDiffusionInput, MertonJumpDiffusionResult } from './types.js';
export {
  MAX_ABS_JUMP_MEAN, MAX_JUMP_INTENSITY, MAX_JUMP_VOL, MAX_KAPPA, MAX_VARIANCE, MAX_VOL_OF_VOL,
} from './validate.js';
