import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { prefetchQuietly, prepareQuietly, unitSearchStatements } from '../queries';
import { useOpeningQuestions } from '../ui/views/opening-questions';

/**
 * Asks, at quiet moments while another view is shown, the questions the other views
 * open with (src/ui/views/opening-questions.ts): asked on opening, they queued 50–100 ms of
 * DuckDB's one worker after the click (issue 12). Each waits for a moment with no view query in flight,
 * so it never goes ahead of a question somebody waits for. The unit picker's statements are
 * prepared likewise. Renders nothing.
 */
export function ViewPrefetch() {
  const client = useQueryClient();
  const { key, questions } = useOpeningQuestions();
  const latest = useRef(questions);
  latest.current = questions;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the questions; their objects are new each render
  useEffect(() => {
    let cancelled = false;
    void prefetchQuietly(client, latest.current, () => cancelled).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [client, key]);
  // Once per load (this mounts when the dataset is ready): the unit picker's statements.
  useEffect(() => {
    let cancelled = false;
    void prepareQuietly(unitSearchStatements(), () => cancelled).catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
