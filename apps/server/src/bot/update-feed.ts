/** An update a bot of this process just received, as the panel's "first update" notice shows it. */
export type SeenUpdate = {
  botId: string;
  /** The update's kind: message, callback_query, chat_member… */
  kind: string;
  /** The first name of whoever sent it, when the update has a sender. */
  fromName: string | null;
  at: Date;
};

export type UpdateFeed = ReturnType<typeof createUpdateFeed>;

/**
 * Updates as they reach this process's bots, for listeners in the same process (the panel's
 * live "first update arrived" after connecting a bot). Nothing is kept: a listener hears only
 * what arrives while it listens.
 */
export function createUpdateFeed() {
  const listeners = new Set<(update: SeenUpdate) => void>();
  return {
    publish(update: SeenUpdate): void {
      for (const listener of [...listeners]) listener(update);
    },
    /** Calls `listener` for each later update of the bot; returns the unsubscribe. */
    subscribe(botId: string, listener: (update: SeenUpdate) => void): () => void {
      const one = (update: SeenUpdate) => {
        if (update.botId === botId) listener(update);
      };
      listeners.add(one);
      return () => listeners.delete(one);
    },
  };
}
