import { Badge } from "@lumen/ui/components/badge";
import { Button } from "@lumen/ui/components/button";
import { toast } from "@lumen/ui/components/sonner";
import { cn } from "@lumen/ui/lib/utils";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import {
  joinByLink,
  type PlaygroundState,
  playgroundKeys,
  sendJoinRequest,
  skipTime,
} from "../api/playground-api.ts";
import { usePlaygroundT } from "../i18n.ts";

type User = PlaygroundState["users"][number];

/** The test users to act as: name, language, test Stars; a link to their page once Lumen knows them. */
export function UserSwitcher({
  users,
  current,
  onPick,
}: {
  users: User[];
  current: number;
  onPick(id: number): void;
}) {
  const t = usePlaygroundT();
  return (
    <section className="rounded-xl border bg-card p-3">
      <h2 className="mb-2 text-sm font-medium">{t("users")}</h2>
      <ul className="space-y-1">
        {users.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              aria-pressed={user.id === current}
              onClick={() => onPick(user.id)}
              className={cn(
                "flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left text-sm hover:bg-accent",
                user.id === current && "bg-accent",
              )}
            >
              <span className="flex size-7 items-center justify-center rounded-full bg-muted text-xs">
                {user.first_name.slice(0, 1)}
              </span>
              <span className="min-w-0 flex-1 truncate">
                {user.first_name} <span className="text-xs text-muted-foreground">{user.language}</span>
              </span>
              <Badge variant="outline" data-testid={`pg-stars-${user.id}`}>
                {t("starsLeft", { stars: user.stars })}
              </Badge>
            </button>
            {user.id === current ? (
              <div className="px-2 pb-1 text-xs text-muted-foreground">
                {user.user_id ? (
                  <Link
                    to="/users/$id"
                    params={{ id: user.user_id }}
                    className="underline underline-offset-2"
                  >
                    {t("openUser")}
                  </Link>
                ) : (
                  t("notYet")
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Who is in the demo channel right now, as the emulator has it, and a join request from the
 * current test user (the bot answers it: approves a subscriber, offers the plan otherwise).
 */
export function ChannelCard({
  channel,
  user,
  users,
}: {
  channel: PlaygroundState["channel"];
  user: User;
  users: User[];
}) {
  const t = usePlaygroundT();
  const queryClient = useQueryClient();
  const request = useMutation({
    mutationFn: sendJoinRequest,
    onSuccess: () => {
      toast.success(t("requested"));
      void queryClient.invalidateQueries({ queryKey: playgroundKeys.all });
    },
  });
  const nameOf = (id: number | null) => users.find((u) => u.id === id)?.first_name ?? "?";
  return (
    <section className="rounded-xl border bg-card p-3" aria-label={t("channel.title")}>
      <h2 className="text-sm font-medium">{t("channel.title")}</h2>
      <p className="mb-2 text-xs text-muted-foreground">{channel.title}</p>
      <ul className="space-y-1 text-sm" aria-label={t("channel.members")}>
        {channel.members.map((m) => (
          <li key={m.id} className="flex items-center justify-between">
            <span>{m.first_name}</span>
            <Badge variant="secondary">{t(`channel.status.${m.status}`)}</Badge>
          </li>
        ))}
      </ul>
      {channel.members.some((m) => m.id === user.id) ? null : (
        <div className="mt-3 space-y-1">
          <Button
            size="sm"
            variant="outline"
            disabled={request.isPending}
            onClick={() => request.mutate({ userId: user.id })}
          >
            {t("joinRequest")}
          </Button>
          <p className="text-xs text-muted-foreground">{t("joinRequestHint", { name: user.first_name })}</p>
        </div>
      )}
      <InviteLinks links={channel.links} user={user} nameOf={nameOf} />
      {channel.removed.length > 0 ? (
        <div className="mt-3">
          <h3 className="text-xs font-medium">{t("channel.removed")}</h3>
          <ul className="mt-1 space-y-1 text-xs" aria-label={t("channel.removed")}>
            {channel.removed.map((r) => (
              <li key={`${r.telegram_id}-${r.at.getTime()}`} className="text-muted-foreground">
                {t("channel.removedLine", { name: r.first_name, owner: nameOf(r.link_sent_to) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/**
 * The invite links the bot sent, each usable as the current test user: their own joins them,
 * someone else's shows Lumen's rule at work (a stranger who uses a passed-on link is removed).
 */
function InviteLinks({
  links,
  user,
  nameOf,
}: {
  links: PlaygroundState["channel"]["links"];
  user: User;
  nameOf(id: number): string;
}) {
  const t = usePlaygroundT();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: joinByLink,
    onSuccess: (result) => {
      toast.success(t(result.outcome === "joined" ? "joined" : "requested"));
      void queryClient.invalidateQueries({ queryKey: playgroundKeys.all });
    },
  });
  if (links.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="text-xs font-medium">{t("channel.links")}</h3>
      <ul className="mt-1 space-y-1" aria-label={t("channel.links")}>
        {links.map((l) => (
          <li key={l.link} className="flex items-center justify-between gap-2 text-xs">
            <span className="min-w-0 truncate" title={l.link}>
              {t("channel.linkOf", { name: nameOf(l.sent_to) })}
            </span>
            <Button
              size="sm"
              variant="outline"
              className="h-7 shrink-0 px-2 text-xs"
              disabled={join.isPending}
              onClick={() => join.mutate({ userId: user.id, link: l.link })}
            >
              {l.sent_to === user.id ? t("channel.open") : t("channel.useAs", { name: user.first_name })}
            </Button>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-muted-foreground">{t("channel.linksHint")}</p>
    </div>
  );
}

/** Skip a day, or past the current user's plan, on Lumen's clock (playground mode only). */
export function TimeTravel({ now, userId }: { now: Date; userId: number }) {
  const t = usePlaygroundT();
  const queryClient = useQueryClient();
  const skip = useMutation({
    mutationFn: skipTime,
    onSuccess: (result) => {
      toast.success(t("time.moved", { now: result.now.toLocaleString() }));
      void queryClient.invalidateQueries({ queryKey: playgroundKeys.all });
    },
  });
  return (
    <section className="rounded-xl border bg-card p-3">
      <h2 className="text-sm font-medium">{t("time.title")}</h2>
      <p className="mb-2 text-xs text-muted-foreground" data-testid="pg-clock">
        {t("time.now", { now: now.toLocaleString() })}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="outline"
          disabled={skip.isPending}
          onClick={() => skip.mutate({ skip: "day", userId })}
        >
          {t("time.day")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={skip.isPending}
          onClick={() => skip.mutate({ skip: "plan_end", userId })}
        >
          {t("time.planEnd")}
        </Button>
      </div>
      <p className="mt-2 text-xs text-muted-foreground">{t("time.hint")}</p>
    </section>
  );
}
