// Registry of the Cipher bootcamp (one data source covering ~30 cipher kinds).
import type { AnyBootcamp } from '../types.ts';
import { cipher } from './cipher.ts';

export const cipherBootcamps: AnyBootcamp[] = [cipher];
