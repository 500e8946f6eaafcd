import type { Organisation } from '../../shared/domain/organisations.js';

/**
 * Demo awards from real events: the HSJ Awards 2016 "CCG of the Year" finalists and the
 * Healthcare Transformation Awards 2017 "Transforming Commissioning of Primary Care" entries.
 * Ids are fixed so seeding twice changes nothing.
 */
export const DEMO_ORGANISATIONS: Omit<Organisation, 'createdAt'>[] = [
  { code: '02M', name: 'NHS Fylde and Wyre CCG', kind: 'CCG', region: 'North West' },
  { code: '01A', name: 'NHS East Lancashire CCG', kind: 'CCG', region: 'North West' },
  { code: '01F', name: 'NHS Halton CCG', kind: 'CCG', region: 'North West' },
  { code: '99K', name: 'NHS High Weald Lewes Havens CCG', kind: 'CCG', region: 'South East' },
  { code: '00Q', name: 'NHS Blackburn with Darwen CCG', kind: 'CCG', region: 'North West' },
  { code: '00R', name: 'NHS Blackpool CCG', kind: 'CCG', region: 'North West' },
];

/** HSJ's judging criteria, each scored 0–10 and answered in up to 400 words. */
const HSJ_CRITERIA = [
  ['ambition', 'Ambition', 'How ambitious was the aim, for patients and for the system?'],
  ['outcome', 'Outcome', 'What measurable outcomes did it achieve?'],
  ['spread', 'Spread', 'How far has it spread, or could it spread, beyond the organisation?'],
  ['value', 'Value', 'What value for money did it deliver?'],
  ['involvement', 'Involvement', 'How were patients, staff and partners involved?'],
] as const;

export const demoQuestions = HSJ_CRITERIA.map(([id, , prompt]) => ({ id, prompt, wordLimit: 400, required: true }));
export const demoCriteria = HSJ_CRITERIA.map(([id, name, guidance]) => ({
  id,
  name,
  weight: 1,
  maxScore: 10,
  guidance,
}));

export const DEMO_PROGRAMMES = {
  hsj2016: {
    programmeId: '01HSJ2016AWARDS00000000000',
    name: 'HSJ Awards 2016',
    year: 2016,
    /** Entries have closed: the demo starts at judging. */
    stage: 'judging' as const,
    category: {
      categoryId: '01HSJ2016CCG0FTHEYEAR00000',
      name: 'CCG of the Year',
      description:
        'The clinical commissioning group that has done most to improve the health of its population and the care it commissions.',
    },
  },
  hta2017: {
    programmeId: '01HTA2017AWARDS00000000000',
    name: 'Healthcare Transformation Awards 2017',
    year: 2017,
    /** Entries are open: the demo starts with entrants drafting. */
    stage: 'entries' as const,
    category: {
      categoryId: '01HTA2017PR1MARYCARE000000',
      name: 'Transforming Commissioning of Primary Care',
      description: 'Commissioning that has changed how primary care is delivered, for patients and for practices.',
    },
  },
};

const answer = (org: string, theme: string) => ({
  ambition: `${org} set out to ${theme}, aiming for every patient to feel the difference within two years.`,
  outcome: 'Emergency admissions fell, patient satisfaction rose, and waiting times for community services shortened.',
  spread: 'The model has been shared with neighbouring commissioners and adopted in two other areas.',
  value: 'The programme released savings that were reinvested in community and primary care.',
  involvement: 'Patients, carers, GPs, nurses and the voluntary sector shaped the design from the first workshop.',
});

export const DEMO_ENTRIES = [
  {
    entryId: '01HSJ2016ENTRY000000000001',
    programme: 'hsj2016',
    orgCode: '02M',
    title: 'Extensive care: joined-up support for older people in Fylde and Wyre',
    answers: answer('Fylde and Wyre CCG', 'join up care for older people with several long-term conditions'),
  },
  {
    entryId: '01HSJ2016ENTRY000000000002',
    programme: 'hsj2016',
    orgCode: '01A',
    title: 'Together a healthier future for East Lancashire',
    answers: answer('East Lancashire CCG', 'build integrated neighbourhood teams'),
  },
  {
    entryId: '01HSJ2016ENTRY000000000003',
    programme: 'hsj2016',
    orgCode: '01F',
    title: 'One Halton: integrated care for a whole borough',
    answers: answer('Halton CCG', 'integrate health and social care across the borough'),
  },
  {
    entryId: '01HSJ2016ENTRY000000000004',
    programme: 'hsj2016',
    orgCode: '99K',
    title: 'Better care closer to home in High Weald Lewes Havens',
    answers: answer('High Weald Lewes Havens CCG', 'move care out of hospital and closer to home'),
  },
  {
    entryId: '01HTA2017ENTRY000000000001',
    programme: 'hta2017',
    orgCode: '00Q',
    title: 'QOEST: raising quality in every GP practice in Blackburn with Darwen',
    answers: answer(
      'Blackburn with Darwen CCG',
      'raise the quality of primary care in every practice through the QOEST scheme',
    ),
  },
  {
    entryId: '01HTA2017ENTRY000000000002',
    programme: 'hta2017',
    orgCode: '00R',
    title: 'Neighbourhood care teams for Blackpool',
    answers: answer('Blackpool CCG', 'organise primary care around neighbourhoods'),
  },
] as const;

/**
 * The demo panels: four judges sit on HSJ 2016's CCG of the Year, three on HTA 2017's category. Tom
 * Ellis once worked for Halton CCG, so he is conflicted with it and never judges its entry.
 */
export const DEMO_JUDGES = [
  {
    userId: 'demo-judge-1',
    name: 'Dr Ann Morgan',
    email: 'ann.morgan@example.org',
    programmes: ['hsj2016', 'hta2017'],
  },
  {
    userId: 'demo-judge-2',
    name: 'Tom Ellis',
    email: 'tom.ellis@example.org',
    programmes: ['hsj2016'],
    conflicts: [{ orgCode: '01F', kind: 'employee' as const, note: 'Worked at Halton CCG until 2015' }],
  },
  { userId: 'demo-judge-3', name: 'Sara Okafor', email: 'sara.okafor@example.org', programmes: ['hsj2016', 'hta2017'] },
  {
    userId: 'demo-judge-4',
    name: 'Gareth Price',
    email: 'gareth.price@example.org',
    programmes: ['hsj2016', 'hta2017'],
  },
] as const;
