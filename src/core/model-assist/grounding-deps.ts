/** What a grounded model task (answer, verdict explanation) needs: one object serves both. */
import type { KnowledgeBase, RetrievedPassage, Retriever } from '../knowledge/knowledge.js';
import type { ChatModel } from './chat-model.js';
import type { Prompts } from './load-prompts.js';

/** The model, the knowledge it must stay within, how to search it, the prompts and the leak check. */
export interface GroundingDeps {
  model: ChatModel;
  knowledge: KnowledgeBase;
  retriever: Retriever & {
    search(q: string, o?: { limit?: number; signal?: AbortSignal }): Promise<RetrievedPassage[]>;
  };
  prompts: Prompts;
  leaks: (text: string) => boolean;
}
