export type { AnswerDelivery, SmsReply } from './answers.ts';
export type { FaultKind, Faults } from './faults.ts';
export { FAULT_KINDS, FaultsValidationError, NO_FAULTS } from './faults.ts';
export type { SimJobRecord, SimJobView, SimRecipientView } from './job-view.ts';
export type { SimAccount, SimulatorOptions } from './options.ts';
export type { Simulator } from './simulator.ts';
export { startSimulator } from './simulator.ts';
export type { SimStats } from './stats.ts';
