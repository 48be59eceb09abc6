export type Modality = 'current' | 'past' | 'planned' | 'hypothetical' | 'proposal';
export type Category =
  | 'plans'
  | 'proposals'
  | 'negation'
  | 'corrections'
  | 'numbers'
  | 'passing'
  | 'past'
  | 'compliance-covered'
  | 'context-implied'
  | 'instructions'
  | 'topology'
  | 'controls';
export interface Expect {
  key: string;
  value?: string | number | boolean | { min: number; max: number };
  modality?: Modality;
}
export interface ReadingCase {
  id: string;
  category: Category;
  text: string;
  yields: Expect[];
  allows?: Expect[];
  forbids?: Expect[];
  note?: string;
}
