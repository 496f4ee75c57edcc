/** What other modules may use of the consultation module: sending a matter to consultation from their own record. */
export { SendToConsultation } from './SendToConsultation';
