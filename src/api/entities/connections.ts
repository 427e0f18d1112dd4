/** The connection types of the entities, from thunks: the node types refer to them in cycles. */
import { Connection } from '../common/connection';
import { Company } from './company.type';
import { Incident } from './incident.type';
import { Practice } from './practice.type';

export const IncidentConnection = Connection(() => Incident, 'Incident', 'incident');
export const PracticeConnection = Connection(() => Practice, 'Practice', 'practice');
export const CompanyConnection = Connection(() => Company, 'Company', 'company');
