/**
 * The model seam. The core talks to a language model only through this interface; the LangChain
 * adapter lives outside the core. With no model configured, `model` is undefined and the offline
 * engine does everything.
 */
import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatModel {
  readonly name: string;
  complete(
    messages: ChatMessage[],
    options?: { signal?: AbortSignal; onDelta?: (delta: string) => void | Promise<void> },
  ): Promise<{ text: string; usage?: ModelUsage }>;
  completeStructured<T>(
    messages: ChatMessage[],
    schema: z.ZodType<T>,
    options?: { signal?: AbortSignal; schemaName?: string },
  ): Promise<{ value: T; usage?: ModelUsage }>;
}
