export interface KnowledgeQuestion {
  id: string;
  question: string;
  kind: 'number' | 'yes-no' | 'open' | 'off-topic';
  sources: string[];
  keyFacts: string[][];
  note?: string;
}
