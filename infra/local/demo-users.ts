import type { Role } from '../route-types.js';

export interface DemoUser {
  label: string;
  role: Role;
  userId: string;
  name: string;
  orgCode?: string;
}

/**
 * The people of the demo programmes. ODS codes are the real ones of the CCGs named in the
 * HSJ Awards 2016 and the Healthcare Transformation Awards 2017.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { label: 'organiser (Awards office)', role: 'organiser', userId: 'demo-organiser', name: 'Priya Shah' },
  { label: 'judge (Dr Ann Morgan)', role: 'judge', userId: 'demo-judge-1', name: 'Dr Ann Morgan' },
  { label: 'judge (Tom Ellis)', role: 'judge', userId: 'demo-judge-2', name: 'Tom Ellis' },
  { label: 'judge (Sara Okafor)', role: 'judge', userId: 'demo-judge-3', name: 'Sara Okafor' },
  { label: 'judge (Gareth Price)', role: 'judge', userId: 'demo-judge-4', name: 'Gareth Price' },
  {
    label: 'entrant (Fylde and Wyre CCG)',
    role: 'entrant',
    userId: 'demo-entrant-fylde',
    name: 'Jo Hartley',
    orgCode: '02M',
  },
  {
    label: 'entrant (Halton CCG)',
    role: 'entrant',
    userId: 'demo-entrant-halton',
    name: 'Sam Reid',
    orgCode: '01F',
  },
  {
    label: 'entrant (Blackburn with Darwen CCG)',
    role: 'entrant',
    userId: 'demo-entrant-bwd',
    name: 'Imran Patel',
    orgCode: '00Q',
  },
];
