"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

type Outcome = { ok: true } | { ok: false; error: { message: string } };

/**
 * Runs a server action from a button: `pending` while it runs, `error` the
 * message of its failure (a success clears it). After a success `onOk` runs,
 * and with `refresh` the page's server components are read again (a queued run,
 * a discarded upload).
 */
export function useAction(options: { refresh?: boolean } = {}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<Outcome>, onOk?: () => void) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error.message);
      if (!result.ok) return;
      onOk?.();
      if (options.refresh) router.refresh();
    });
  return { pending, error, run };
}
