/** The local Personio simulator: public API. See README.md in this folder. */
export {
  DEFAULT_CREDENTIAL,
  startSimulator,
  type RequestLogEntry,
  type SimCredential,
  type SimFault,
  type SimOptions,
  type SimRateLimit,
  type Simulator,
} from './server';
export { ALL_ATTRIBUTES } from './attributes';
export {
  CAST_SIZE,
  FIRST_EMPLOYEE_ID,
  generateCompany,
  mulberry32,
  type Company,
  type CompanyLanguage,
  type CompanyOptions,
  type EmployeeStatus,
  type SimEmployee,
  type SimTimeOff,
} from './company';
export { renderAvatar } from './png';
