import { useState } from 'react';
import { type JennyPanelMessage as JennyMessage, JennyPanel, type JennyResult } from '../../src/react/jenny-panel';

/*
 * The seed's page ("Frontend: Jenny Component" in the platform design), as its authors wrote it: a controlled
 * JennyPanel whose app keeps the messages and the result and posts each question to /api/jenny/query. Shared by the
 * SeedControlled story and the browser test, which answer that request without a server and with the real handler.
 */

// The seed's `nanoid`; its types are the library's (JennyPanelMessage is the seed's JennyMessage).
const nanoid = () => crypto.randomUUID();

// ---- Copied from the seed ("Frontend: Jenny Component"), unchanged but for the component's import. ----
export function JennyPage() {
  const [messages, setMessages] = useState<JennyMessage[]>([]);
  const [result, setResult] = useState<JennyResult | null>(null);

  const handleSend = async (question: string) => {
    // Add user message
    const userMsg = {
      id: nanoid(),
      role: 'user' as const,
      content: question,
      createdAt: new Date().toLocaleTimeString(),
    };
    setMessages((prev) => [...prev, userMsg]);

    // Call API
    const response = await fetch('/api/jenny/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ space: 'sales', question }),
    });

    const data = await response.json();

    // Add assistant message
    const assistantMsg = {
      id: nanoid(),
      role: 'assistant' as const,
      content: data.summary,
      summary: data.title,
      createdAt: new Date().toLocaleTimeString(),
      status: 'complete' as const,
    };
    setMessages((prev) => [...prev, assistantMsg]);
    setResult(data);
  };

  return (
    <JennyPanel
      spaceName="Sales"
      spaceDescription="Revenue, orders, and conversion metrics"
      exampleQuestions={['Top 5 brands by revenue', 'Revenue vs target last 30 days']}
      messages={messages}
      selectedResult={result}
      onSendQuestion={handleSend}
    />
  );
}
// ---- End of the seed's code. ----
